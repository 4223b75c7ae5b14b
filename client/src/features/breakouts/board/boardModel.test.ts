import type { BreakoutSet } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { pid } from '../../../testing/fakes.ts';
import { participant, rid } from '../../../testing/workshop.ts';
import {
  adjacentColumn,
  boardColumns,
  columnFromDropTarget,
  columnOf,
  dropDecision,
  dropTargetId,
  organisationCount,
  UNASSIGNED,
} from './boardModel.ts';

const set: BreakoutSet = {
  id: 's1',
  name: 'Groups',
  rooms: [
    { id: rid('r1'), name: 'Room 1', rapporteurId: pid('zoe') },
    { id: rid('r2'), name: 'Room 2', rapporteurId: null },
  ],
  mode: 'manual',
  assignments: {
    [pid('zoe')]: rid('r1'),
    [pid('ana')]: rid('r1'),
    [pid('chair')]: rid('r2'),
    [pid('gone')]: rid('r9'),
  },
  selfSelect: { allowed: false, maxPerRoom: null },
};

const people = Object.fromEntries(
  [
    participant('zoe', { name: 'Zoe', organisation: 'Fiji Water' }),
    participant('ana', { name: 'Ana', organisation: 'fiji water ' }),
    participant('ben', { name: 'Ben', organisation: 'Samoa' }),
    participant('cy', { name: 'Cy', role: 'rapporteur' }),
    participant('chair', { name: 'Chair', role: 'facilitator' }),
    participant('obs', { name: 'Obs', role: 'observer' }),
    participant('gone', { name: 'Gone' }),
  ].map((p) => [p.id, p]),
);

const names = (set_: BreakoutSet) =>
  boardColumns(set_, people).map((column) => [column.id, column.chips.map((chip) => chip.participant.name)]);

describe('boardColumns', () => {
  it('lists the rooms in order by name, then the discussants with no room', () => {
    expect(names(set)).toEqual([
      ['r1', ['Ana', 'Zoe']],
      // A chair placed by hand (or by CSV) shows where they are.
      ['r2', ['Chair']],
      // Someone assigned to a room the set no longer has counts as not assigned; observers never appear.
      [UNASSIGNED, ['Ben', 'Cy', 'Gone']],
    ]);
  });

  it('marks the room rapporteur and names only the rooms', () => {
    const [first, , rest] = boardColumns(set, people);
    expect(first?.name).toBe('Room 1');
    expect(first?.chips.find((chip) => chip.participant.name === 'Zoe')?.rapporteur).toBe(true);
    expect(first?.chips.find((chip) => chip.participant.name === 'Ana')?.rapporteur).toBe(false);
    expect(rest?.name).toBeNull();
  });

  it('counts organisations regardless of case and spacing', () => {
    const [first, , rest] = boardColumns(set, people);
    expect(first && organisationCount(first)).toBe(1);
    expect(rest && organisationCount(rest)).toBe(2);
  });
});

describe('columnOf', () => {
  it('is the assigned room when the set has it, else not assigned', () => {
    expect(columnOf(set, pid('ana'))).toBe('r1');
    expect(columnOf(set, pid('ben'))).toBe(UNASSIGNED);
    expect(columnOf(set, pid('gone'))).toBe(UNASSIGNED);
  });
});

describe('dropDecision', () => {
  const drop = (participantId: string, to: string | null, openSetId: string | null = null) =>
    dropDecision({ set, openSetId, participantId: pid(participantId), to: to as never });

  it('does nothing for a drop where the person already is, or outside every column', () => {
    expect(drop('ana', 'r1')).toEqual({ kind: 'stay' });
    expect(drop('ben', UNASSIGNED)).toEqual({ kind: 'stay' });
    expect(drop('ana', null)).toEqual({ kind: 'stay' });
  });

  it('edits the set before it opens: assign to a room, or take out of one', () => {
    expect(drop('ben', 'r2')).toEqual({
      kind: 'send',
      command: { type: 'breakouts.assign', setId: 's1', participantId: 'ben', roomId: 'r2' },
    });
    expect(drop('ana', 'r2')).toEqual({
      kind: 'send',
      command: { type: 'breakouts.assign', setId: 's1', participantId: 'ana', roomId: 'r2' },
    });
    expect(drop('ana', UNASSIGNED)).toEqual({
      kind: 'send',
      command: { type: 'breakouts.assign', setId: 's1', participantId: 'ana', roomId: null },
    });
  });

  it('moves people live while the set is open, and keeps everyone in a room', () => {
    expect(drop('ana', 'r2', 's1')).toEqual({
      kind: 'send',
      command: { type: 'breakouts.move', participantId: 'ana', roomId: 'r2' },
    });
    expect(drop('ben', 'r1', 's1')).toEqual({
      kind: 'send',
      command: { type: 'breakouts.move', participantId: 'ben', roomId: 'r1' },
    });
    expect(drop('ana', UNASSIGNED, 's1')).toEqual({ kind: 'refuse', reason: 'unassign-while-open' });
  });

  it('still edits a set that is not the open one', () => {
    expect(drop('ana', UNASSIGNED, 'another-set')).toMatchObject({
      kind: 'send',
      command: { type: 'breakouts.assign' },
    });
  });

  it('refuses a room that is not in the set (a stale board)', () => {
    expect(drop('ana', 'r9')).toEqual({ kind: 'refuse', reason: 'unknown-room' });
  });
});

describe('adjacentColumn', () => {
  const order = [rid('r1'), rid('r2'), UNASSIGNED] as const;

  it('steps along the columns and stops at either end', () => {
    expect(adjacentColumn(order, 'r1' as never, 1)).toBe('r2');
    expect(adjacentColumn(order, 'r2' as never, -1)).toBe('r1');
    expect(adjacentColumn(order, UNASSIGNED, 1)).toBe(UNASSIGNED);
    expect(adjacentColumn(order, 'r1' as never, -1)).toBe('r1');
  });

  it('starts from an end when over no column', () => {
    expect(adjacentColumn(order, null, 1)).toBe('r1');
    expect(adjacentColumn(order, null, -1)).toBe(UNASSIGNED);
    expect(adjacentColumn([], null, 1)).toBeNull();
  });
});

describe('drop target ids', () => {
  it('round-trip a column, and ignore anything else', () => {
    expect(columnFromDropTarget(dropTargetId(rid('r1')))).toBe('r1');
    expect(columnFromDropTarget(dropTargetId(UNASSIGNED))).toBe(UNASSIGNED);
    expect(columnFromDropTarget('ana')).toBeNull();
    expect(columnFromDropTarget(7)).toBeNull();
    expect(columnFromDropTarget(null)).toBeNull();
  });
});
