import { openBreakouts } from './breakoutSession.ts';
import type { CommandOf } from './commands.ts';
import type { DomainEvent } from './events.ts';
import type { AgendaItem, Day, WorkshopState } from './model.ts';
import { MAX_AGENDA_ITEMS_PER_DAY } from './model.ts';
import { accept, assertNever, type Context, type Result, reject } from './result.ts';
import { findSet, mintId } from './state.ts';

export type AgendaCommand = CommandOf<
  | 'agenda.addDay'
  | 'agenda.removeDay'
  | 'agenda.addItem'
  | 'agenda.updateItem'
  | 'agenda.removeItem'
  | 'agenda.reorderItems'
  | 'agenda.startItem'
  | 'agenda.stopItem'
>;

export const MAX_DAYS = 31;

export function decideAgenda(state: WorkshopState, command: AgendaCommand, ctx: Context): Result {
  switch (command.type) {
    case 'agenda.addDay': {
      if (state.days.length >= MAX_DAYS) return reject('conflict', 'too many days');
      if (state.days.some((d) => d.date === command.date))
        return reject('conflict', `${command.date} is already a day`);
      const minted = mintId(state, 'day');
      const day: Day = { id: minted.id, date: command.date, title: command.title };
      // Days stay in date order.
      const days = [...state.days, day].sort((a, b) => a.date.localeCompare(b.date));
      return changed({ ...minted.state, days });
    }
    case 'agenda.removeDay':
      if (!state.days.some((d) => d.id === command.dayId)) return reject('not_found', 'no such day');
      if (state.agenda.some((i) => i.dayId === command.dayId)) return reject('conflict', 'the day still has items');
      return changed({ ...state, days: state.days.filter((d) => d.id !== command.dayId) });
    case 'agenda.addItem':
      return addItem(state, command);
    case 'agenda.updateItem':
      return updateItem(state, command);
    case 'agenda.removeItem':
      if (!state.agenda.some((i) => i.id === command.itemId)) return reject('not_found', 'no such agenda item');
      if (state.currentItem?.itemId === command.itemId) return reject('conflict', 'the item is running; stop it first');
      return changed({ ...state, agenda: state.agenda.filter((i) => i.id !== command.itemId) });
    case 'agenda.reorderItems':
      return reorder(state, command);
    case 'agenda.startItem':
      return startItem(state, command.itemId, ctx.now);
    case 'agenda.stopItem': {
      const current = state.currentItem;
      if (!current) return reject('conflict', 'no agenda item is running');
      return accept({ ...state, currentItem: null }, [{ type: 'agenda.itemStopped', itemId: current.itemId }]);
    }
    default:
      return assertNever(command);
  }
}

const changed = (state: WorkshopState): Result =>
  accept(state, [{ type: 'agenda.changed', days: state.days, items: state.agenda }]);

function checkReferences(state: WorkshopState, item: AgendaItem): Result | null {
  if (!state.days.some((d) => d.id === item.dayId)) return reject('not_found', 'no such day');
  if (item.breakoutSetId !== null) {
    if (item.kind !== 'breakout') return reject('invalid_payload', 'only a breakout item opens a breakout set');
    if (!findSet(state, item.breakoutSetId)) return reject('not_found', 'no such breakout set');
  }
  return null;
}

function addItem(state: WorkshopState, command: CommandOf<'agenda.addItem'>): Result {
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
  return changed({ ...minted.state, agenda: [...minted.state.agenda, item] });
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
  return changed({ ...state, agenda });
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
  return changed({ ...state, agenda });
}

/**
 * Starts an item (stopping the one running). A breakout item with a set opens that set for the
 * item's duration, unless it is already open.
 */
function startItem(state: WorkshopState, itemId: string, now: number): Result {
  const item = state.agenda.find((i) => i.id === itemId);
  if (!item) return reject('not_found', 'no such agenda item');
  if (state.currentItem?.itemId === itemId) return reject('conflict', 'the item is already running');
  const events: DomainEvent[] = [];
  let next: WorkshopState = state;
  if (item.kind === 'breakout' && item.breakoutSetId !== null && state.breakouts.open?.setId !== item.breakoutSetId) {
    const opened = openBreakouts(state, item.breakoutSetId, item.durationMinutes * 60_000, now);
    if (!opened.ok) return opened;
    next = opened.state;
    events.push(...opened.events);
  }
  const previousItemId = state.currentItem?.itemId ?? null;
  events.unshift({ type: 'agenda.itemStarted', itemId, startedAt: now, previousItemId });
  return accept({ ...next, currentItem: { itemId, startedAt: now } }, events);
}
