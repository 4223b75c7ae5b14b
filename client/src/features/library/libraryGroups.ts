import type { LibraryItem, LibraryScope, WorkshopView } from '@plenary/shared';

/** What a scope is called, for the reader's language to word: a room or item that is gone has no name. */
export type ScopeName =
  | { kind: 'workshop' }
  | { kind: 'agendaItem'; title: string | null }
  | { kind: 'plenary' }
  | { kind: 'room'; name: string | null };

export interface LibraryGroup {
  /** stable key: `workshop`, `agendaItem:<id>` or `room:<id>` (also the upload's `scope` parameter) */
  key: string;
  name: ScopeName;
  items: LibraryItem[];
}

type ScopeSource = Pick<WorkshopView, 'agenda' | 'plenaryRoomId'> & {
  breakouts: { sets: ReadonlyArray<{ rooms: ReadonlyArray<{ id: string; name: string }> }> };
};

/** The `scope` query parameter of an upload. */
export function scopeParam(scope: LibraryScope): string {
  switch (scope.kind) {
    case 'workshop':
      return 'workshop';
    case 'agendaItem':
      return `agendaItem:${scope.itemId}`;
    case 'room':
      return `room:${scope.roomId}`;
  }
}

/** What a scope is called. */
export function scopeName(scope: LibraryScope, workshop: ScopeSource): ScopeName {
  switch (scope.kind) {
    case 'workshop':
      return { kind: 'workshop' };
    case 'agendaItem':
      return { kind: 'agendaItem', title: workshop.agenda.find((item) => item.id === scope.itemId)?.title ?? null };
    case 'room': {
      if (scope.roomId === workshop.plenaryRoomId) return { kind: 'plenary' };
      for (const set of workshop.breakouts.sets) {
        const room = set.rooms.find((candidate) => candidate.id === scope.roomId);
        if (room) return { kind: 'room', name: room.name };
      }
      return { kind: 'room', name: null };
    }
  }
}

/** Groups of the same rank (rooms) in name order; a group whose room is gone comes last. */
const sortText = (name: ScopeName): string =>
  (name.kind === 'room' ? name.name : name.kind === 'agendaItem' ? name.title : '') ?? '\uffff';

const ORDER: Record<LibraryScope['kind'], number> = { workshop: 0, agendaItem: 1, room: 2 };

/**
 * The library by scope: the whole workshop first, then agenda items in agenda order, then rooms;
 * within a group, oldest upload first. Empty groups are left out.
 */
export function groupLibrary(items: readonly LibraryItem[], workshop: ScopeSource): LibraryGroup[] {
  const groups = new Map<string, LibraryGroup & { rank: number }>();
  for (const item of items) {
    const key = scopeParam(item.scope);
    let group = groups.get(key);
    if (!group) {
      group = { key, name: scopeName(item.scope, workshop), items: [], rank: rankOf(item.scope, workshop) };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || sortText(a.name).localeCompare(sortText(b.name)))
    .map(({ key, name, items: grouped }) => ({
      key,
      name,
      items: [...grouped].sort((a, b) => a.uploadedAt - b.uploadedAt),
    }));
}

function rankOf(scope: LibraryScope, workshop: ScopeSource): number {
  const base = ORDER[scope.kind] * 100_000;
  // The plenary before the breakout rooms.
  if (scope.kind === 'room') return scope.roomId === workshop.plenaryRoomId ? base : base + 1;
  if (scope.kind !== 'agendaItem') return base;
  const index = workshop.agenda.findIndex((item) => item.id === scope.itemId);
  return base + (index < 0 ? 99_999 : index);
}

/** `812 B`, `14 KB`, `3.2 MB`: the number as the locale writes it (`3,2 MB` in French). */
export function formatSize(bytes: number, locale?: string): string {
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? number(mb, 1) : number(Math.round(mb))} MB`;
}
