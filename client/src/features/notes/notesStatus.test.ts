import { describe, expect, it } from 'vitest';
import { notesStatus } from './notesStatus.ts';

const facts = { connected: true, opened: true, loaded: true, unsaved: 0, readOnly: false, problem: null };

describe('notesStatus', () => {
  it('says Saved only when the server has everything', () => {
    expect(notesStatus(facts)).toMatchObject({ save: 'saved', label: 'Saved' });
    expect(notesStatus({ ...facts, unsaved: 3 })).toMatchObject({ save: 'saving', label: 'Saving…' });
  });

  it('says changes are kept while offline or reconnecting', () => {
    expect(notesStatus({ ...facts, connected: false, unsaved: 1 }).label).toBe('Offline – changes kept');
    expect(notesStatus({ ...facts, connected: false }).label).toBe('Offline');
    expect(notesStatus({ ...facts, opened: false, unsaved: 2 }).label).toBe('Reconnecting – changes kept');
    expect(notesStatus({ ...facts, opened: false, loaded: false })).toMatchObject({
      label: 'Connecting…',
      loaded: false,
    });
  });

  it('shows a problem as it is, and read-only notes as such', () => {
    expect(notesStatus({ ...facts, problem: 'Too large' })).toMatchObject({ save: 'failed', label: 'Too large' });
    expect(notesStatus({ ...facts, readOnly: true })).toMatchObject({ label: 'Read only', readOnly: true });
  });
});
