import type { BreakoutSet, Participant, ParticipantId, Role, RoomId, WorkshopId, WorkshopState } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { emptyWorkshop } from '../domain/testkit.ts';
import { channel, type PlenarySocket, participantKey, type RealtimeContext } from '../realtime/types.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import { followChange } from './followChange.ts';

const workshopId = 'w1' as WorkshopId;
const ana = 'ana' as ParticipantId;
const ben = 'ben' as ParticipantId;

function person(id: ParticipantId, role: Role = 'delegate'): Participant {
  return {
    id,
    name: id,
    organisation: 'Org',
    country: 'FR',
    role,
    language: 'en',
    timeZone: 'Europe/Paris',
    email: null,
    admitted: true,
    connected: true,
    registeredAt: 0,
    inRoomPeople: [],
  };
}

const withPeople = (state: WorkshopState, ...people: Participant[]): WorkshopState => ({
  ...state,
  participants: Object.fromEntries(people.map((participant) => [participant.id, participant])),
});

/** Ana and Ben in the plenary; a set that puts Ana in room r1 and Ben in r2, open or not. */
function workshop(open: boolean, people = [person(ana), person(ben)]): WorkshopState {
  const set: BreakoutSet = {
    id: 's1',
    name: 'Groups',
    rooms: [],
    mode: 'manual',
    assignments: { [ana]: 'r1' as RoomId, [ben]: 'r2' as RoomId },
    selfSelect: { allowed: false, maxPerRoom: null },
  };
  const breakouts = {
    sets: [set],
    open: open ? { setId: 's1', openedAt: 0, endsAt: 1, recallAt: null, visitors: {}, help: [] } : null,
  };
  return { ...withPeople(emptyWorkshop(), ...people), breakouts };
}

/** Connections of Ana and Ben on this node, and what the rooms were asked to do with them. */
function node() {
  const followed: ParticipantId[] = [];
  const joined: Array<{ participantId: ParticipantId; channels: string[] }> = [];
  const socket = (participantId: ParticipantId) =>
    ({
      data: { workshopId, participantId },
      join: (channels: string[]) => joined.push({ participantId, channels }),
      leave: () => undefined,
    }) as unknown as PlenarySocket;
  const sockets = new Map([ana, ben].map((id) => [participantKey(workshopId, id), socket(id)]));
  const ctx = {
    presence: {
      socketOf: (key: string) => sockets.get(key),
      socketsOf: () => [...sockets.values()],
    },
    moves: {
      follow: (followedSocket: PlenarySocket) => followed.push(followedSocket.data.participantId as ParticipantId),
    },
  } as unknown as RealtimeContext;
  return { ctx, followed, joined, held: { id: workshopId } as Workshop };
}

describe('following a change on this node', () => {
  it('moves those whose room changed, read off the two states', () => {
    const { ctx, followed, joined, held } = node();
    followChange(ctx, held, workshop(false), workshop(true));
    expect(followed.sort()).toEqual([ana, ben]);
    expect(joined).toEqual([]);
  });

  it('moves nobody when a change left the roster, the breakouts and the plenary alone', () => {
    const { ctx, followed, held } = node();
    const before = workshop(true);
    followChange(ctx, held, before, { ...before, revision: before.revision + 1, chat: {} });
    expect(followed).toEqual([]);
  });

  it('moves only the one who went elsewhere', () => {
    const { ctx, followed, held } = node();
    const before = workshop(false);
    const after = withPeople(before, person(ana), { ...person(ben), connected: false });
    followChange(ctx, held, before, after);
    expect(followed).toEqual([ben]);
  });

  it('puts someone whose role changed in their new audience, and no one else', () => {
    const { ctx, followed, joined, held } = node();
    const before = workshop(false);
    followChange(ctx, held, before, withPeople(before, person(ana, 'facilitator'), person(ben)));
    expect(joined).toEqual([
      { participantId: ana, channels: [channel.participant(workshopId, ana), channel.chairs(workshopId)] },
    ]);
    expect(followed).toEqual([]);
  });

  it('re-places everyone here when what came before is unknown (a jump to a newer snapshot)', () => {
    const { ctx, followed, joined, held } = node();
    followChange(ctx, held, null, workshop(false));
    expect(followed.sort()).toEqual([ana, ben]);
    expect(joined.map((entry) => entry.participantId).sort()).toEqual([ana, ben]);
  });
});
