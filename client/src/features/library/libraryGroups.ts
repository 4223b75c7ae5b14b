import type { LibraryItem, LibraryScope, WorkshopView } from '@plenary/shared';

export interface LibraryGroup {
  /** stable key: `workshop`, `agendaItem:<id>` or `room:<id>` (also the upload's `scope` parameter) */
  key: string;
  label: string;
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

/** What a scope is called on screen. */
export function scopeLabel(scope: LibraryScope, workshop: ScopeSource): string {
  switch (scope.kind) {
    case 'workshop':
      return 'Whole workshop';
    case 'agendaItem': {
      const item = workshop.agenda.find((candidate) => candidate.id === scope.itemId);
      return `Agenda: ${item?.title ?? 'removed item'}`;
    }
    case 'room': {
      if (scope.roomId === workshop.plenaryRoomId) return 'Room: Plenary';
      for (const set of workshop.breakouts.sets) {
        const room = set.rooms.find((candidate) => candidate.id === scope.roomId);
        if (room) return `Room: ${room.name}`;
      }
      return 'Room: closed room';
    }
  }
}

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
      group = { key, label: scopeLabel(item.scope, workshop), items: [], rank: rankOf(item.scope, workshop) };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .map(({ key, label, items: grouped }) => ({
      key,
      label,
      items: [...grouped].sort((a, b) => a.uploadedAt - b.uploadedAt),
    }));
}

function rankOf(scope: LibraryScope, workshop: ScopeSource): number {
  const base = ORDER[scope.kind] * 100_000;
  if (scope.kind !== 'agendaItem') return base;
  const index = workshop.agenda.findIndex((item) => item.id === scope.itemId);
  return base + (index < 0 ? 99_999 : index);
}

/** `812 B`, `14 KB`, `3.2 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
