import type { Participant, WorkshopId, WorkshopState } from './model.ts';
import { isChairRole } from './roles.ts';
import { createWorkshop } from './workshop.ts';

export interface EditionOptions {
  id: WorkshopId;
  title: string;
  /** `YYYY-MM-DD`: the new first day; the other days keep their distance from it */
  startDate: string;
  /** carry every participant over (not only the facilitators) */
  carryRoster: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The next edition of a recurring workshop: the agenda moved to the new dates, the breakout sets
 * (their rooms, and their assignments when the roster comes along), the library, the settings, and
 * the facilitators copied; everyone else only with `carryRoster`. What happened in the earlier
 * edition (queue, chat, polls, proposals, outcomes, notes, attendance) stays with it.
 */
export function nextEdition(previous: WorkshopState, options: EditionOptions): WorkshopState {
  const fresh = createWorkshop({
    id: options.id,
    title: options.title,
    timeZone: previous.timeZone,
    settings: previous.settings,
  });
  const shift = previous.days[0] ? dayNumber(options.startDate) - dayNumber(previous.days[0].date) : 0;

  const participants: Record<string, Participant> = {};
  for (const participant of Object.values(previous.participants)) {
    if (!options.carryRoster && !isChairRole(participant.role)) continue;
    participants[participant.id] = {
      ...participant,
      connected: false,
      // Facilitators go straight in; everyone else meets the lobby again if the edition has one.
      admitted: isChairRole(participant.role) || !previous.settings.lobbyEnabled,
      inRoomPeople: participant.inRoomPeople,
    };
  }
  const carried = new Set(Object.keys(participants));

  return {
    ...fresh,
    // Ids keep counting from where the previous edition stopped, so copied ids never collide.
    seq: previous.seq,
    plenaryRoomId: previous.plenaryRoomId,
    participants,
    days: previous.days.map((day) => ({ ...day, date: dateOf(dayNumber(day.date) + shift) })),
    agenda: previous.agenda,
    breakouts: {
      open: null,
      sets: previous.breakouts.sets.map((set) => ({
        ...set,
        rooms: set.rooms.map((room) => ({
          ...room,
          rapporteurId: room.rapporteurId && carried.has(room.rapporteurId) ? room.rapporteurId : null,
        })),
        assignments: Object.fromEntries(Object.entries(set.assignments).filter(([id]) => carried.has(id))),
      })),
    },
    library: previous.library,
    series: { seriesId: previous.series?.seriesId ?? previous.id, edition: (previous.series?.edition ?? 1) + 1 },
  };
}
