import { openBreakouts } from './breakoutSession.ts';
import type { CommandOf } from './commands.ts';
import type { AgendaItem, Day, WorkshopState } from './model.ts';
import { MAX_AGENDA_ITEMS_PER_DAY } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Creation, type Rejection, type Result, reject } from './result.ts';
import { CHAIRS } from './roles.ts';
import { findSet, mintId } from './state.ts';

export const MAX_DAYS = 31;

type AgendaCommandType =
  | 'agenda.addDay'
  | 'agenda.removeDay'
  | 'agenda.addItem'
  | 'agenda.updateItem'
  | 'agenda.removeItem'
  | 'agenda.reorderItems'
  | 'agenda.startItem'
  | 'agenda.stopItem';

export const agendaCommands: Registrations<AgendaCommandType> = {
  'agenda.addDay': { roles: CHAIRS, decide: addDay },
  'agenda.removeDay': { roles: CHAIRS, decide: removeDay },
  'agenda.addItem': { roles: CHAIRS, decide: addItem },
  'agenda.updateItem': { roles: CHAIRS, decide: updateItem },
  'agenda.removeItem': { roles: CHAIRS, decide: removeItem },
  'agenda.reorderItems': { roles: CHAIRS, decide: reorder },
  'agenda.startItem': { roles: CHAIRS, decide: (state, command, ctx) => startItem(state, command.itemId, ctx.now) },
  'agenda.stopItem': { roles: CHAIRS, decide: stopItem },
};

function addDay(state: WorkshopState, command: CommandOf<'agenda.addDay'>): Creation {
  if (state.days.length >= MAX_DAYS) return reject('conflict', 'too many days');
  if (state.days.some((d) => d.date === command.date)) return reject('conflict', `${command.date} is already a day`);
  const minted = mintId(state, 'day');
  const day: Day = { id: minted.id, date: command.date, title: command.title };
  // Days stay in date order.
  const days = [...state.days, day].sort((a, b) => a.date.localeCompare(b.date));
  return acceptCreated({ ...minted.state, days }, day.id);
}

function removeDay(state: WorkshopState, command: CommandOf<'agenda.removeDay'>): Result {
  if (!state.days.some((d) => d.id === command.dayId)) return reject('not_found', 'no such day');
  if (state.agenda.some((i) => i.dayId === command.dayId)) return reject('conflict', 'the day still has items');
  return accept({ ...state, days: state.days.filter((d) => d.id !== command.dayId) });
}

function removeItem(state: WorkshopState, command: CommandOf<'agenda.removeItem'>): Result {
  if (!state.agenda.some((i) => i.id === command.itemId)) return reject('not_found', 'no such agenda item');
  if (state.currentItem?.itemId === command.itemId) return reject('conflict', 'the item is running; stop it first');
  return accept({ ...state, agenda: state.agenda.filter((i) => i.id !== command.itemId) });
}

function stopItem(state: WorkshopState): Result {
  if (!state.currentItem) return reject('conflict', 'no agenda item is running');
  return accept({ ...state, currentItem: null });
}

function checkReferences(state: WorkshopState, item: AgendaItem): Rejection | null {
  if (!state.days.some((d) => d.id === item.dayId)) return reject('not_found', 'no such day');
  if (item.breakoutSetId !== null) {
    if (item.kind !== 'breakout') return reject('invalid_payload', 'only a breakout item opens a breakout set');
    if (!findSet(state, item.breakoutSetId)) return reject('not_found', 'no such breakout set');
  }
  return null;
}

function addItem(state: WorkshopState, command: CommandOf<'agenda.addItem'>): Creation {
  if (state.agenda.filter((i) => i.dayId === command.dayId).length >= MAX_AGENDA_ITEMS_PER_DAY) {
    return reject('conflict', 'too many items on this day');
  }
  const minted = mintId(state, 'item');
  const item: AgendaItem = {
    id: minted.id,
    dayId: command.dayId,
    title: command.title,
    start: command.start,
    durationMinutes: command.durationMinutes,
    presenter: command.presenter ?? null,
    kind: command.kind,
    breakoutSetId: command.breakoutSetId ?? null,
  };
  const invalid = checkReferences(state, item);
  if (invalid) return invalid;
  return acceptCreated({ ...minted.state, agenda: [...minted.state.agenda, item] }, item.id);
}

function updateItem(state: WorkshopState, command: CommandOf<'agenda.updateItem'>): Result {
  const current = state.agenda.find((i) => i.id === command.itemId);
  if (!current) return reject('not_found', 'no such agenda item');
  const item: AgendaItem = {
    ...current,
    dayId: command.dayId ?? current.dayId,
    title: command.title ?? current.title,
    start: command.start ?? current.start,
    durationMinutes: command.durationMinutes ?? current.durationMinutes,
    presenter: command.presenter === undefined ? current.presenter : command.presenter,
    kind: command.kind ?? current.kind,
    breakoutSetId: command.breakoutSetId === undefined ? current.breakoutSetId : command.breakoutSetId,
  };
  // A breakout set is only kept on a breakout item.
  if (item.kind !== 'breakout' && command.breakoutSetId === undefined) item.breakoutSetId = null;
  const invalid = checkReferences(state, item);
  if (invalid) return invalid;
  const movedDay = item.dayId !== current.dayId;
  if (movedDay && state.agenda.filter((i) => i.dayId === item.dayId).length >= MAX_AGENDA_ITEMS_PER_DAY) {
    return reject('conflict', 'too many items on this day');
  }
  // An item moved to another day goes last on that day.
  const agenda = movedDay
    ? [...state.agenda.filter((i) => i.id !== item.id), item]
    : state.agenda.map((i) => (i.id === item.id ? item : i));
  return accept({ ...state, agenda });
}

function reorder(state: WorkshopState, command: CommandOf<'agenda.reorderItems'>): Result {
  if (!state.days.some((d) => d.id === command.dayId)) return reject('not_found', 'no such day');
  const dayItems = state.agenda.filter((i) => i.dayId === command.dayId);
  const wanted = new Set(command.itemIds);
  if (
    wanted.size !== command.itemIds.length ||
    wanted.size !== dayItems.length ||
    dayItems.some((i) => !wanted.has(i.id))
  ) {
    return reject('invalid_payload', "the new order must list each of the day's items once");
  }
  const byId = new Map(dayItems.map((i) => [i.id, i]));
  const ordered = command.itemIds.map((id) => byId.get(id) as AgendaItem);
  // The day's items take the slots they held, in the new order; other days are untouched.
  let next = 0;
  const agenda = state.agenda.map((i) => (i.dayId === command.dayId ? (ordered[next++] as AgendaItem) : i));
  return accept({ ...state, agenda });
}

/**
 * Starts an item (stopping the one running). A breakout item with a set opens that set for the
 * item's duration, unless it is already open.
 */
function startItem(state: WorkshopState, itemId: string, now: number): Result {
  const item = state.agenda.find((i) => i.id === itemId);
  if (!item) return reject('not_found', 'no such agenda item');
  if (state.currentItem?.itemId === itemId) return reject('conflict', 'the item is already running');
  let next: WorkshopState = state;
  if (item.kind === 'breakout' && item.breakoutSetId !== null && state.breakouts.open?.setId !== item.breakoutSetId) {
    const opened = openBreakouts(state, item.breakoutSetId, item.durationMinutes * 60_000, now);
    if (!opened.ok) return opened;
    next = opened.state;
  }
  return accept({ ...next, currentItem: { itemId, startedAt: now } });
}
