import { describe, expect, it } from 'vitest';
import type { ParticipantId, RoomId } from '../ids.ts';
import { diffBreakouts, diffRecord, patchBreakouts, patchRecord } from './viewPatch.ts';
import type { BreakoutSet, BreakoutsState } from './workshop/breakouts.ts';

const pid = (id: string) => id as ParticipantId;
const rid = (id: string) => id as RoomId;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

function set(id: string, assignments: Record<string, string>, over: Partial<BreakoutSet> = {}): BreakoutSet {
  return {
    id,
    name: id,
    rooms: [{ id: rid(`${id}-r1`), name: 'One', rapporteurId: null }],
    mode: 'random',
    assignments: assignments as BreakoutSet['assignments'],
    selfSelect: { allowed: false, maxPerRoom: null },
    ...over,
  };
}

describe('record patches', () => {
  it('carry only what changed, and bring the old record to the new one', () => {
    const ana = { name: 'Ana' };
    const before = { ana, ben: { name: 'Ben' }, cy: { name: 'Cy' } };
    const after = { ana, ben: { name: 'Benedict' }, dee: { name: 'Dee' } };
    const patch = diffRecord<string, { name: string }>(before, after);
    expect(patch).toEqual({ set: { ben: { name: 'Benedict' }, dee: { name: 'Dee' } }, removed: ['cy'] });
    expect(patchRecord(before, patch)).toEqual(after);
  });

  it('leave the record itself alone when nothing changed', () => {
    const record = { a: 1 };
    expect(patchRecord(record, diffRecord(record, { ...record }))).toBe(record);
  });

  it('applied one after another, end where the full records do', () => {
    const next = random(7);
    let server: Record<string, number> = {};
    let client: Record<string, number> = {};
    for (let step = 0; step < 500; step++) {
      const changed = { ...server };
      for (let edits = next(4); edits >= 0; edits--) {
        const key = `k${next(30)}`;
        if (next(3) === 0) delete changed[key];
        else changed[key] = next(5);
      }
      client = patchRecord(client, diffRecord(server, changed));
      server = changed;
      expect(client).toEqual(server);
    }
  });

  it('treat keys named like Object.prototype members as plain keys', () => {
    const before: Record<string, number> = {};
    const after: Record<string, number> = { constructor: 1, toString: 2 };
    expect(patchRecord(before, diffRecord(before, after))).toEqual(after);
    expect(diffRecord(after, before).removed.sort()).toEqual(['constructor', 'toString']);
  });
});

describe('breakout patches', () => {
  it('name unchanged sets by id and send only the assignments that changed', () => {
    const a = set('a', { ana: 'a-r1', ben: 'a-r1' });
    const b = set('b', { ana: 'b-r1' });
    const before: BreakoutsState = { sets: [a, b], open: null };
    const moved = set('b', { ana: 'b-r1', ben: 'b-r1' });
    const after: BreakoutsState = { sets: [a, moved], open: null };
    const patch = diffBreakouts(before, after);
    expect(patch.sets[0]).toBe('a');
    expect(patch.sets[1]).toMatchObject({ id: 'b', assignments: { set: { ben: 'b-r1' }, removed: [] } });
    const applied = patchBreakouts(before, patch);
    expect(applied).toEqual(after);
    expect(applied?.sets[0]).toBe(a);
  });

  it('bring new, renamed, reordered and deleted sets across, and the open set whole', () => {
    const a = set('a', { ana: 'a-r1' });
    const b = set('b', { ben: 'b-r1' });
    const before: BreakoutsState = { sets: [a, b], open: null };
    const after: BreakoutsState = {
      sets: [set('c', { cy: 'c-r1' }), set('a', { ana: 'a-r1' }, { name: 'Renamed' })],
      open: { setId: 'a', openedAt: 1, endsAt: 2, recallAt: null, visitors: { [pid('fac')]: rid('a-r1') }, help: [] },
    };
    expect(patchBreakouts(before, diffBreakouts(before, after))).toEqual(after);
  });

  it('refuse a patch that names a set the view doesn’t have', () => {
    const before: BreakoutsState = { sets: [set('a', {})], open: null };
    expect(patchBreakouts({ sets: [], open: null }, diffBreakouts(before, before))).toBeNull();
  });
});
