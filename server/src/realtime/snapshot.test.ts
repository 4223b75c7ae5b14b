import { describe, expect, it } from 'vitest';
import { fac, pid, run, workshopWith } from '../domain/testkit.ts';
import { snapshotFor } from './snapshot.ts';

describe('snapshotFor', () => {
  it('leaves out what no change keeps current: the id counter and the attendance log', () => {
    const state = run(workshopWith([{ id: 'ana' }]), { type: 'proposal.put', actor: fac, text: 'Adopt' });
    expect(state.seq).toBeGreaterThan(0);
    for (const viewer of [fac, pid('ana')]) {
      const { workshop } = snapshotFor(state, viewer);
      expect(workshop).not.toHaveProperty('seq');
      expect(workshop).not.toHaveProperty('attendance');
      expect(workshop.proposals.map((proposal) => proposal.text)).toEqual(['Adopt']);
    }
  });
});
