import type { AttendanceDay, AttendanceResponse, OrganisationDay, WorkshopState } from '@plenary/shared';
import { attendanceByOrganisation } from '../domain/attendance.ts';

const minutesOf = (ms: number): number => Math.max(0, Math.round(ms / 60_000));

/**
 * The attendance log summed up for the facilitators' attendance view: each day with a record, each
 * organisation on the roster, who came (first in, last out, minutes) and who did not. Totals add up
 * the rounded minutes shown beside them, so the table's columns sum as a reader checks them.
 */
export function attendanceSummary(state: WorkshopState, now: number): AttendanceResponse {
  const dates = [...new Set(state.attendance.map((record) => record.date))].sort();
  return {
    workshopId: state.id,
    timeZone: state.timeZone,
    asOf: now,
    days: dates.map((date) => daySummary(state, date, now)),
  };
}

function daySummary(state: WorkshopState, date: string, now: number): AttendanceDay {
  const organisations = attendanceByOrganisation(state, date, now).map((row): OrganisationDay => {
    const attendees = row.participants
      .map((person) => ({
        participantId: person.participantId,
        name: person.name,
        firstIn: person.firstJoinedAt,
        lastOut: person.lastLeftAt,
        minutes: minutesOf(person.ms),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const came = new Set(attendees.map((person) => person.participantId));
    const absent = Object.values(state.participants)
      .filter((person) => person.organisation === row.organisation && !came.has(person.id))
      .map((person) => ({ participantId: person.id, name: person.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      organisation: row.organisation,
      registered: row.registered,
      present: row.present,
      minutes: attendees.reduce((sum, person) => sum + person.minutes, 0),
      attendees,
      absent,
    };
  });
  return {
    date,
    registered: organisations.reduce((sum, row) => sum + row.registered, 0),
    present: organisations.reduce((sum, row) => sum + row.present, 0),
    minutes: organisations.reduce((sum, row) => sum + row.minutes, 0),
    organisations,
  };
}
