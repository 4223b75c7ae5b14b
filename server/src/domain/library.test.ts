import { describe, expect, it } from 'vitest';
import type { LibraryFileType, WorkshopState } from './model.ts';
import { exec, fac, pid, rejected, rid, run, SYSTEM, workshopWith } from './testkit.ts';

const ana = pid('ana');
const ben = pid('ben');
const obs = pid('obs');

function withDeck(
  fileType: LibraryFileType = 'pdf',
  scope: { kind: 'workshop' } = { kind: 'workshop' },
): WorkshopState {
  const state = workshopWith([{ id: 'ana' }, { id: 'ben' }, { id: 'obs', role: 'observer' }]);
  return run(state, {
    type: 'library.add',
    actor: SYSTEM,
    name: fileType === 'pdf' ? 'deck.pdf' : 'sheet.xlsx',
    fileType,
    mime: 'application/octet-stream',
    size: 1234,
    sha256: 'c'.repeat(64),
    scope,
    uploadedBy: fac,
  });
}

describe('the library', () => {
  it('records uploaded documents with where they belong, and refuses scopes that do not exist', () => {
    const state = withDeck();
    expect(state.library).toEqual([
      expect.objectContaining({ name: 'deck.pdf', type: 'pdf', scope: { kind: 'workshop' }, uploadedBy: fac }),
    ]);
    const add = {
      type: 'library.add',
      actor: SYSTEM,
      name: 'x.pdf',
      fileType: 'pdf',
      mime: 'application/pdf',
      size: 1,
      sha256: 'd'.repeat(64),
      uploadedBy: fac,
    } as const;
    expect(rejected(state, { ...add, scope: { kind: 'agendaItem', itemId: 'nope' } }).error.code).toBe('not_found');
    expect(rejected(state, { ...add, scope: { kind: 'room', roomId: rid('nowhere') } }).error.code).toBe('not_found');
    expect(run(state, { ...add, scope: { kind: 'room', roomId: rid('plenary') } }).library).toHaveLength(2);
  });
});

describe('presentations', () => {
  it('follow the presenter’s page; rights are handed over and taken back by a chair', () => {
    let state = withDeck();
    const deck = state.library[0]?.id as string;
    state = run(state, { type: 'presentation.start', actor: fac, libraryItemId: deck, presenterId: ana });
    expect(state.presentation).toMatchObject({ presenterId: ana, page: 1 });

    const turned = exec(state, { type: 'presentation.turnPage', actor: ana, page: 4 });
    expect(turned.state.presentation?.page).toBe(4);
    expect(turned.state.presentation).toEqual({ ...state.presentation, page: 4 });
    expect(rejected(turned.state, { type: 'presentation.turnPage', actor: ben, page: 5 }).error.code).toBe('forbidden');

    state = run(turned.state, { type: 'presentation.handOver', actor: fac, presenterId: ben });
    expect(rejected(state, { type: 'presentation.turnPage', actor: ana, page: 5 }).error.code).toBe('forbidden');
    state = run(state, { type: 'presentation.turnPage', actor: ben, page: 5 });
    expect(state.presentation).toMatchObject({ presenterId: ben, page: 5 });
    expect(rejected(state, { type: 'presentation.handOver', actor: fac, presenterId: obs }).error.code).toBe(
      'not_found',
    );

    state = run(state, { type: 'presentation.stop', actor: ben });
    expect(state.presentation).toBeNull();
  });

  it('presents PDFs only, and ends when its document is removed', () => {
    const sheet = withDeck('xlsx');
    const sheetId = sheet.library[0]?.id as string;
    expect(rejected(sheet, { type: 'presentation.start', actor: fac, libraryItemId: sheetId }).error.code).toBe(
      'conflict',
    );

    const deck = withDeck();
    const deckId = deck.library[0]?.id as string;
    const presenting = run(deck, { type: 'presentation.start', actor: fac, libraryItemId: deckId });
    expect(presenting.presentation?.presenterId).toBe(fac);
    const removed = run(presenting, { type: 'library.remove', actor: fac, libraryItemId: deckId });
    expect(removed.library).toEqual([]);
    expect(removed.presentation).toBeNull();
  });
});
