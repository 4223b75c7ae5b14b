import type { BreakoutSet } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../../testing/fakes.ts';
import { chatMessage, participant, rid } from '../../testing/workshop.ts';
import { broadcastsIn, setRosters } from './breakoutRooms.ts';

const set: BreakoutSet = {
  id: 's1',
  name: 'Groups',
  rooms: [
    { id: rid('r1'), name: 'Room 1', rapporteurId: pid('zoe') },
    { id: rid('r2'), name: 'Room 2', rapporteurId: null },
  ],
  mode: 'balanced',
  assignments: { [pid('zoe')]: rid('r1'), [pid('ana')]: rid('r1'), [pid('ben')]: rid('r2') },
  selfSelect: { allowed: false, maxPerRoom: null },
};

const people = Object.fromEntries(
  [
    participant('zoe', { name: 'Zoe' }),
    participant('ana', { name: 'Ana' }),
    participant('ben', { name: 'Ben' }),
    participant('cy', { name: 'Cy' }),
    participant('chair', { name: 'Chair', role: 'facilitator' }),
    participant('obs', { name: 'Obs', role: 'observer' }),
    participant('waiting', { name: 'Waiting', admitted: false }),
  ].map((p) => [p.id, p]),
);

describe('setRosters', () => {
  it('lists each room with its members by name, and the discussants assigned nowhere', () => {
    const { rooms, unassigned } = setRosters(set, people);
    expect(rooms.map((room) => [room.name, room.members.map((p) => p.name), room.rapporteurId])).toEqual([
      ['Room 1', ['Ana', 'Zoe'], 'zoe'],
      ['Room 2', ['Ben'], null],
    ]);
    // Chairs and observers are not placed in groups; someone still in the lobby may be.
    expect(unassigned.map((p) => p.name)).toEqual(['Cy', 'Waiting']);
  });
});

describe('broadcastsIn', () => {
  it("keeps only the facilitators' broadcasts of a room's chat", () => {
    const chat = {
      'room:r1': [
        chatMessage('m1', rid('r1'), 'hello'),
        chatMessage('m2', rid('r1'), 'Ten minutes left', { kind: 'broadcast' }),
      ],
    };
    expect(broadcastsIn(chat, rid('r1')).map((m) => m.text)).toEqual(['Ten minutes left']);
    expect(broadcastsIn(chat, rid('r2'))).toEqual([]);
  });
});
