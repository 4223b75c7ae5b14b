import type { AgendaItem, LibraryItem, ParticipantId, RoomId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { formatSize, groupLibrary, scopeParam } from './libraryGroups.ts';

const doc = (id: string, scope: LibraryItem['scope'], uploadedAt: number): LibraryItem => ({
  id,
  name: `${id}.pdf`,
  type: 'pdf',
  mime: 'application/pdf',
  size: 1000,
  sha256: '0'.repeat(64),
  scope,
  uploadedBy: 'p1' as ParticipantId,
  uploadedAt,
});
const agendaItem = (id: string, title: string) => ({ id, title }) as AgendaItem;
const workshop = {
  agenda: [agendaItem('i1', 'Opening'), agendaItem('i2', 'Water')],
  plenaryRoomId: 'plenary' as RoomId,
  breakouts: { sets: [{ rooms: [{ id: 'r1', name: 'Room 1' }] }] },
};

describe('the library by scope', () => {
  it('puts the workshop first, then agenda items in agenda order, then rooms; oldest first', () => {
    const items = [
      doc('a', { kind: 'room', roomId: 'r1' as RoomId }, 1),
      doc('b', { kind: 'agendaItem', itemId: 'i2' }, 2),
      doc('c', { kind: 'workshop' }, 5),
      doc('d', { kind: 'agendaItem', itemId: 'i1' }, 3),
      doc('e', { kind: 'workshop' }, 4),
      doc('f', { kind: 'room', roomId: 'plenary' as RoomId }, 6),
      doc('g', { kind: 'agendaItem', itemId: 'gone' }, 7),
    ];
    const groups = groupLibrary(items, workshop);
    expect(groups.map((group) => [group.name, group.items.map((item) => item.id)])).toEqual([
      [{ kind: 'workshop' }, ['e', 'c']],
      [{ kind: 'agendaItem', title: 'Opening' }, ['d']],
      [{ kind: 'agendaItem', title: 'Water' }, ['b']],
      [{ kind: 'agendaItem', title: null }, ['g']],
      [{ kind: 'plenary' }, ['f']],
      [{ kind: 'room', name: 'Room 1' }, ['a']],
    ]);
  });

  it('puts the plenary before the rooms, rooms by name, and a closed room last', () => {
    const items = [
      doc('a', { kind: 'room', roomId: 'gone' as RoomId }, 1),
      doc('b', { kind: 'room', roomId: 'r1' as RoomId }, 2),
      doc('c', { kind: 'room', roomId: 'plenary' as RoomId }, 3),
    ];
    expect(groupLibrary(items, workshop).map((group) => group.key)).toEqual(['room:plenary', 'room:r1', 'room:gone']);
  });

  it('writes the scope as the upload parameter', () => {
    expect(scopeParam({ kind: 'workshop' })).toBe('workshop');
    expect(scopeParam({ kind: 'agendaItem', itemId: 'i1' })).toBe('agendaItem:i1');
    expect(scopeParam({ kind: 'room', roomId: 'r1' as RoomId })).toBe('room:r1');
  });

  it('shows sizes briefly', () => {
    expect(formatSize(812, 'en')).toBe('812 B');
    expect(formatSize(14_500, 'en')).toBe('14 KB');
    expect(formatSize(3.2 * 1024 * 1024, 'en')).toBe('3.2 MB');
    expect(formatSize(42 * 1024 * 1024, 'en')).toBe('42 MB');
    expect(formatSize(3.2 * 1024 * 1024, 'fr')).toBe('3,2 MB');
    expect(formatSize(3.2 * 1024 * 1024, 'zh')).toBe('3.2 MB');
  });
});
