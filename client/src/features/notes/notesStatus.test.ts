import { describe, expect, it } from 'vitest';
import { notesStatus } from './notesStatus.ts';

const facts = { connected: true, opened: true, loaded: true, unsaved: 0, readOnly: false, problem: null };

describe('notesStatus', () => {
  it('says Saved only when the server has everything', () => {
    expect(notesStatus(facts)).toMatchObject({ save: 'saved', label: 'saved' });
    expect(notesStatus({ ...facts, unsaved: 3 })).toMatchObject({ save: 'saving', label: 'saving' });
  });

  it('says changes are kept while offline or reconnecting', () => {
    expect(notesStatus({ ...facts, connected: false, unsaved: 1 }).label).toBe('offlineKept');
    expect(notesStatus({ ...facts, connected: false }).label).toBe('offline');
    expect(notesStatus({ ...facts, opened: false, unsaved: 2 }).label).toBe('reconnectingKept');
    expect(notesStatus({ ...facts, opened: false, loaded: false })).toMatchObject({
      label: 'connecting',
      loaded: false,
    });
  });

  it('shows a problem with the refusal behind it, and read-only notes as such', () => {
    expect(notesStatus({ ...facts, problem: { kind: 'tooLarge' } })).toMatchObject({
      save: 'failed',
      label: 'tooLarge',
      refusal: null,
    });
    const error = { code: 'forbidden', message: 'observers read the notes but do not edit them' };
    expect(notesStatus({ ...facts, problem: { kind: 'refused', error } })).toMatchObject({
      save: 'failed',
      label: 'refused',
      refusal: error,
    });
    expect(notesStatus({ ...facts, readOnly: true })).toMatchObject({ label: 'readOnly', readOnly: true });
  });
});
