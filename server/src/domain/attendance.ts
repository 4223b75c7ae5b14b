import { localDate, type ParticipantId, zonedTimeToEpoch } from '@plenary/shared';
import type { AttendanceRecord, WorkshopState } from './model.ts';

/** The instant a local date begins in a time zone. */
export const startOfLocalDay = (date: string, timeZone: string): number => zonedTimeToEpoch(date, '00:00', timeZone);

export { localDate };

const nextDate = (date: string): string => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
};

// Someone connected for longer than this without any command is not worth a record per day.
const MAX_ROLLOVER_DAYS = 31;

/**
 * Brings the attendance log in line with the state after a command: an interval is open for each
 * participant who is connected and admitted. An interval ends when they leave or the agenda item
 * changes; one still open from an earlier day is cut at each local midnight, so every interval
 * belongs to one day and one agenda item.
 */
export function syncAttendance(state: WorkshopState, now: number): WorkshopState {
  const date = localDate(now, state.timeZone);
  const agendaItemId = state.currentItem?.itemId ?? null;
  const openIndex = new Map<ParticipantId, number>();
  state.attendance.forEach((record, i) => {
    if (record.leftAt === null) openIndex.set(record.participantId, i);
  });

  let attendance: AttendanceRecord[] | undefined;
  const log = () => {
    attendance ??= [...state.attendance];
    return attendance;
  };
  for (const participant of Object.values(state.participants)) {
    const present = participant.connected && participant.admitted;
    let index = openIndex.get(participant.id);
    let open = index === undefined ? undefined : state.attendance[index];

    if (open && index !== undefined && open.date < date) {
      // Cut at each midnight since the interval began, keeping its agenda item.
      let day = open.date;
      for (let n = 0; day < date && n < MAX_ROLLOVER_DAYS; n++) {
        const next = nextDate(day);
        const midnight = Math.min(startOfLocalDay(next, state.timeZone), now);
        log()[index] = { ...(log()[index] as AttendanceRecord), leftAt: midnight };
        const record: AttendanceRecord = { ...open, date: next, joinedAt: midnight, leftAt: null };
        index = log().push(record) - 1;
        open = record;
        day = next;
      }
    }

    const current = open && open.date === date && open.agendaItemId === agendaItemId;
    if (open && index !== undefined && (!present || !current)) {
      log()[index] = { ...(log()[index] as AttendanceRecord), leftAt: now };
    }
    if (present && !current) {
      log().push({
        participantId: participant.id,
        organisation: participant.organisation,
        date,
        agendaItemId,
        joinedAt: now,
        leftAt: null,
      });
    }
  }
  return attendance ? { ...state, attendance } : state;
}

export interface AttendanceQuery {
  participantId?: ParticipantId;
  organisation?: string;
  date?: string;
  agendaItemId?: string | null;
}

/** The intervals matching every given criterion. */
export function attendanceIntervals(state: WorkshopState, query: AttendanceQuery = {}): AttendanceRecord[] {
  return state.attendance.filter(
    (r) =>
      (query.participantId === undefined || r.participantId === query.participantId) &&
      (query.organisation === undefined || r.organisation === query.organisation) &&
      (query.date === undefined || r.date === query.date) &&
      (query.agendaItemId === undefined || r.agendaItemId === query.agendaItemId),
  );
}

export interface ParticipantAttendance {
  participantId: ParticipantId;
  name: string;
  /** Time present that day; an interval still open counts up to `now`. */
  ms: number;
  firstJoinedAt: number;
  lastLeftAt: number | null;
}

export interface OrganisationAttendance {
  organisation: string;
  /** Participants of the organisation on the roster. */
  registered: number;
  /** Of them, how many were present at some point that day. */
  present: number;
  totalMs: number;
  participants: ParticipantAttendance[];
}

/** Attendance on one day, per organisation (sorted by name), for the facilitators' report. */
export function attendanceByOrganisation(state: WorkshopState, date: string, now: number): OrganisationAttendance[] {
  const rows = new Map<string, OrganisationAttendance>();
  const rowOf = (organisation: string) => {
    let row = rows.get(organisation);
    if (!row) {
      row = { organisation, registered: 0, present: 0, totalMs: 0, participants: [] };
      rows.set(organisation, row);
    }
    return row;
  };
  for (const participant of Object.values(state.participants)) rowOf(participant.organisation).registered += 1;

  for (const record of attendanceIntervals(state, { date })) {
    const row = rowOf(record.organisation);
    const ms = (record.leftAt ?? now) - record.joinedAt;
    let person = row.participants.find((p) => p.participantId === record.participantId);
    if (!person) {
      person = {
        participantId: record.participantId,
        name: state.participants[record.participantId]?.name ?? '',
        ms: 0,
        firstJoinedAt: record.joinedAt,
        lastLeftAt: record.leftAt,
      };
      row.participants.push(person);
      row.present += 1;
    }
    person.ms += ms;
    person.firstJoinedAt = Math.min(person.firstJoinedAt, record.joinedAt);
    person.lastLeftAt =
      record.leftAt === null || person.lastLeftAt === null ? null : Math.max(person.lastLeftAt, record.leftAt);
    row.totalMs += ms;
  }
  return [...rows.values()].sort((a, b) => a.organisation.localeCompare(b.organisation));
}
