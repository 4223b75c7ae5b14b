import { NOTES_FRAGMENT, type RoomId, type WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryStorage } from '../../lib/storage.ts';
import { keptNotesKey, keptRooms } from './keptNotes.ts';
import { UnsavedNotes } from './unsavedNotes.ts';

const W = 'w1' as WorkshopId;
const R = 'r1' as RoomId;

describe('UnsavedNotes', () => {
  it('keeps unacknowledged updates across a reload and forgets them once stored', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlText('kept words')]);
    doc.getXmlFragment(NOTES_FRAGMENT).insert(1, [new Y.XmlText(' and more')]);
    const storage = memoryStorage();
    new UnsavedNotes(storage).save(W, R, updates);

    const restored = new UnsavedNotes(storage).load(W, R);
    expect(restored).not.toBeNull();
    const again = new Y.Doc();
    Y.applyUpdate(again, restored as Uint8Array);
    expect(again.getXmlFragment(NOTES_FRAGMENT).toString()).toBe('kept words and more');

    new UnsavedNotes(storage).save(W, R, []);
    expect(storage.getItem(keptNotesKey(W, R))).toBeNull();
  });

  it('drops what it cannot read instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem(keptNotesKey(W, R), 'not base64 at all!');
    expect(new UnsavedNotes(storage).load(W, R)).toBeNull();
    expect(storage.getItem(keptNotesKey(W, R))).toBeNull();
  });

  it('finds the rooms of one workshop with kept notes', () => {
    const keys = [keptNotesKey(W, R), keptNotesKey(W, 'r2' as RoomId), keptNotesKey('w2' as WorkshopId, R), 'other'];
    expect(keptRooms(keys, W)).toEqual(['r1', 'r2']);
  });
});
