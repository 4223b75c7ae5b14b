import type { AgendaItem, CurrentItem, Day } from '@plenary/shared';

export interface QueueEntry {
  itemId: string;
  title: string;
  presenter: string;
  start: string;
  state: 'done' | 'current' | 'next' | 'later';
}

interface QueueSource {
  days: readonly Day[];
  agenda: readonly AgendaItem[];
  currentItem: CurrentItem | null;
}

/**
 * The day's presenters in agenda order: the day of the current item, else the given date's day
 * (today), else the first day. Items before the current one are done; the first after it is next.
 */
export function presentationQueue(workshop: QueueSource, today: string): QueueEntry[] {
  const current = workshop.agenda.find((item) => item.id === workshop.currentItem?.itemId);
  const days = [...workshop.days].sort((a, b) => a.date.localeCompare(b.date));
  const dayId = current?.dayId ?? days.find((day) => day.date === today)?.id ?? days[0]?.id;
  if (!dayId) return [];
  const ofDay = workshop.agenda.filter((item) => item.dayId === dayId);
  const currentIndex = current ? ofDay.indexOf(current) : -1;
  let nextGiven = false;
  const entries: QueueEntry[] = [];
  ofDay.forEach((item, index) => {
    const presenter = item.presenter?.trim();
    if (!presenter) return;
    let state: QueueEntry['state'];
    if (index === currentIndex) state = 'current';
    else if (index < currentIndex) state = 'done';
    else if (!nextGiven) {
      state = 'next';
      nextGiven = true;
    } else state = 'later';
    entries.push({ itemId: item.id, title: item.title, presenter, start: item.start, state });
  });
  return entries;
}
