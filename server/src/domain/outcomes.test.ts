import { describe, expect, it } from 'vitest';
import type { WorkshopState } from './model.ts';
import { exec, fac, MINUTE, pid, rejected, rid, run, T0, workshopWith } from './testkit.ts';

const ana = pid('ana');
const ben = pid('ben');
const cai = pid('cai');

/** Three rooms; Ana reports for the first, Cai for the third, the second has no rapporteur. */
function withGroups(): { state: WorkshopState; rooms: string[]; setId: string } {
  let state = workshopWith([
    { id: 'ana', organisation: 'Fiji' },
    { id: 'ben', organisation: 'Samoa' },
    { id: 'cai', organisation: 'Tonga' },
  ]);
  state = run(state, { type: 'breakouts.createSet', actor: fac, name: 'Groups', roomNames: ['One', 'Two', 'Three'] });
  const set = state.breakouts.sets[0];
  if (!set) throw new Error('no set');
  const rooms = set.rooms.map((room) => room.id);
  const [one, two, three] = rooms as unknown as [string, string, string];
  for (const [who, room] of [
    [ana, one],
    [ben, two],
    [cai, three],
  ] as const) {
    state = run(state, { type: 'breakouts.assign', actor: fac, setId: set.id, participantId: who, roomId: rid(room) });
  }
  state = run(state, {
    type: 'breakouts.setRapporteur',
    actor: fac,
    setId: set.id,
    roomId: rid(one),
    participantId: ana,
  });
  state = run(state, {
    type: 'breakouts.setRapporteur',
    actor: fac,
    setId: set.id,
    roomId: rid(three),
    participantId: cai,
  });
  return { state, rooms, setId: set.id };
}

describe('breakout outcomes', () => {
  it('keeps every submitted version when the rapporteur edits after submitting', () => {
    const { state: start, rooms } = withGroups();
    const room = rid(rooms[0] as string);
    let state = run(start, {
      type: 'outcomes.edit',
      actor: ana,
      roomId: room,
      section: 'challenges',
      items: ['Funding', ''],
    });
    state = run(state, {
      type: 'outcomes.edit',
      actor: ana,
      roomId: room,
      section: 'trends',
      items: ['More droughts'],
    });
    state = run(state, { type: 'outcomes.submit', actor: ana, roomId: room }, T0 + MINUTE);
    expect(state.outcomes[room]).toMatchObject({ status: 'submitted', versions: [{ version: 1, submittedBy: ana }] });
    expect(state.outcomes[room]?.sections.challenges).toEqual(['Funding']);

    expect(rejected(state, { type: 'outcomes.submit', actor: ana, roomId: room }).error.code).toBe('conflict');
    state = run(state, {
      type: 'outcomes.edit',
      actor: ana,
      roomId: room,
      section: 'challenges',
      items: ['Funding', 'Skills'],
    });
    expect(state.outcomes[room]?.status).toBe('draft');
    state = run(state, { type: 'outcomes.submit', actor: ana, roomId: room }, T0 + 2 * MINUTE);
    const versions = state.outcomes[room]?.versions ?? [];
    expect(versions.map((version) => version.sections.challenges)).toEqual([['Funding'], ['Funding', 'Skills']]);

    const accepted = exec(state, { type: 'outcomes.accept', actor: fac, roomId: room });
    expect(state.outcomes[room]?.status).toBe('submitted');
    expect(accepted.state.outcomes[room]).toMatchObject({ status: 'accepted', acceptedVersion: 2, acceptedBy: fac });
  });

  it('lets only the room’s rapporteur or a chair keep its outcomes', () => {
    const { state, rooms } = withGroups();
    const room = rid(rooms[0] as string);
    const edit = {
      type: 'outcomes.edit' as const,
      roomId: room,
      section: 'solutions' as const,
      items: ['Shared data'],
    };
    expect(rejected(state, { ...edit, actor: ben }).error.code).toBe('forbidden');
    expect(rejected(state, { ...edit, actor: cai }).error.code).toBe('forbidden');
    expect(run(state, { ...edit, actor: fac }).outcomes[room]?.sections.solutions).toEqual(['Shared data']);
    expect(rejected(state, { ...edit, actor: ana, roomId: rid('plenary') }).error.code).toBe('not_found');
    expect(rejected(state, { type: 'outcomes.accept', actor: fac, roomId: room }).error.code).toBe('conflict');
  });
});

describe('report-back', () => {
  it('gives each group’s rapporteur the floor in turn, skipping groups without one, then ends', () => {
    const { state: start, setId, rooms } = withGroups();
    let state = run(start, { type: 'reportBack.start', actor: fac, setId, durationMs: 5 * MINUTE });
    expect(state.reportBack).toMatchObject({ index: 0, order: rooms });
    expect(state.queue.turn).toMatchObject({ participantId: ana, durationMs: 5 * MINUTE });

    const next = exec(state, { type: 'reportBack.next', actor: fac }, T0 + 4 * MINUTE);
    state = next.state;
    expect(state.reportBack?.index).toBe(2);
    expect(state.queue.turn?.participantId).toBe(cai);
    expect(state.reportBack?.order[state.reportBack.index]).toBe(rid(rooms[2] as string));
    expect(state.queue.speeches.map((speech) => [speech.participantId, speech.endedAt - speech.startedAt])).toEqual([
      [ana, 4 * MINUTE],
    ]);

    state = run(state, { type: 'reportBack.next', actor: fac }, T0 + 7 * MINUTE);
    expect(state.reportBack).toBeNull();
    expect(state.queue.turn).toBeNull();
    expect(state.queue.speeches).toHaveLength(2);
  });

  it('waits until the breakout rooms are closed, and needs a real set', () => {
    const { state, setId } = withGroups();
    const open = run(state, { type: 'breakouts.open', actor: fac, setId, durationMs: 10 * MINUTE });
    expect(rejected(open, { type: 'reportBack.start', actor: fac, setId }).error.code).toBe('conflict');
    expect(rejected(state, { type: 'reportBack.start', actor: fac, setId: 'nope' }).error.code).toBe('not_found');
    expect(rejected(state, { type: 'reportBack.next', actor: fac }).error.code).toBe('conflict');
  });
});

describe('proposals from groups', () => {
  it('remember which group proposed them', () => {
    const { state, rooms } = withGroups();
    const room = rid(rooms[0] as string);
    const next = run(state, { type: 'proposal.put', actor: fac, text: 'A regional data platform', fromRoomId: room });
    expect(next.proposals.at(-1)).toMatchObject({ fromRoomId: room, status: 'open' });
    expect(
      rejected(state, { type: 'proposal.put', actor: fac, text: 'x', fromRoomId: rid('nowhere') }).error.code,
    ).toBe('not_found');
  });
});
