import {
  type AgendaItem,
  type Day,
  OUTCOME_SECTIONS,
  type OutcomeSection,
  type Participant,
  type Proposal,
  type RoomId,
  type RoomOutcomes,
  type WorkshopState,
} from '@plenary/shared';
import { attendanceByOrganisation, localDate, type OrganisationAttendance } from '../domain/attendance.ts';
import { speakingTimeByOrganisation } from '../domain/queue.ts';

/** Everything the report says, worked out once; the Markdown and DOCX renderers only lay it out. */
export interface Report {
  title: string;
  timeZone: string;
  generatedAt: string;
  days: Array<{ day: Day; items: AgendaItem[] }>;
  /** agenda items not placed on a day */
  unscheduled: AgendaItem[];
  breakoutSets: ReportBreakoutSet[];
  plenaryNotes: string[];
  proposals: Array<{ text: string; fromGroup: string | null; status: Proposal['status']; result: Proposal['result'] }>;
  speakingTime: Array<{ organisation: string; minutes: number }>;
  attendance: Array<{ date: string; organisations: OrganisationAttendance[] }>;
  roster: { participants: number; organisations: number };
}

export interface ReportBreakoutSet {
  name: string;
  groups: Array<{
    name: string;
    rapporteur: string | null;
    members: Array<{ organisation: string; names: string[] }>;
    notes: string[];
    outcomes: ReportOutcomes | null;
  }>;
}

/** What a group reported: the version a chair accepted, else the latest one submitted. */
export interface ReportOutcomes {
  version: number;
  accepted: boolean;
  sections: Array<{ section: OutcomeSection; title: string; items: string[] }>;
}

export const SECTION_TITLES: Record<OutcomeSection, string> = {
  challenges: 'Challenges',
  solutions: 'Possible solutions',
  trends: 'Future trends',
  proposals: 'Proposals',
};

/** A room's notes as lines of text (see notesText.ts). */
export type NotesOf = (roomId: RoomId) => string[];

export function buildReport(state: WorkshopState, notesOf: NotesOf, now: number): Report {
  const nameOf = (id: string | null) => (id ? (state.participants[id as Participant['id']]?.name ?? null) : null);
  const days = state.days.map((day) => ({ day, items: state.agenda.filter((item) => item.dayId === day.id) }));
  const dayIds = new Set(state.days.map((day) => day.id));

  const breakoutSets = state.breakouts.sets.map((set) => ({
    name: set.name,
    groups: set.rooms.map((room) => {
      const members = Object.entries(set.assignments)
        .filter(([, roomId]) => roomId === room.id)
        .flatMap(([participantId]) => state.participants[participantId as Participant['id']] ?? []);
      return {
        name: room.name,
        rapporteur: nameOf(room.rapporteurId),
        members: groupByOrganisation(members),
        notes: notesOf(room.id),
        outcomes: reported(state.outcomes[room.id]),
      };
    }),
  }));

  const roomNames = new Map(
    state.breakouts.sets.flatMap((set) => set.rooms.map((room) => [room.id, room.name] as const)),
  );

  const speaking = Object.entries(speakingTimeByOrganisation(state.queue.speeches))
    .map(([organisation, ms]) => ({ organisation, minutes: Math.round(ms / 6_000) / 10 }))
    .sort((a, b) => b.minutes - a.minutes || a.organisation.localeCompare(b.organisation));

  const dates = [...new Set([...state.attendance.map((record) => record.date), ...state.days.map((day) => day.date)])]
    .filter((date) => state.attendance.some((record) => record.date === date))
    .sort();

  return {
    title: state.title,
    timeZone: state.timeZone,
    generatedAt: `${localDate(now, state.timeZone)} (${state.timeZone})`,
    days,
    unscheduled: state.agenda.filter((item) => !dayIds.has(item.dayId)),
    breakoutSets,
    plenaryNotes: notesOf(state.plenaryRoomId),
    proposals: state.proposals.map(({ text, status, result, fromRoomId }) => ({
      text,
      fromGroup: fromRoomId ? (roomNames.get(fromRoomId) ?? null) : null,
      status,
      result,
    })),
    speakingTime: speaking,
    attendance: dates.map((date) => ({ date, organisations: attendanceByOrganisation(state, date, now) })),
    roster: {
      participants: Object.keys(state.participants).length,
      organisations: new Set(Object.values(state.participants).map((participant) => participant.organisation)).size,
    },
  };
}

function reported(outcomes: RoomOutcomes | undefined): ReportOutcomes | null {
  if (!outcomes) return null;
  const accepted = outcomes.versions.find((version) => version.version === outcomes.acceptedVersion);
  const chosen = accepted ?? outcomes.versions.at(-1);
  if (!chosen) return null;
  return {
    version: chosen.version,
    accepted: accepted !== undefined,
    sections: OUTCOME_SECTIONS.map((section) => ({
      section,
      title: SECTION_TITLES[section],
      items: chosen.sections[section],
    })).filter((entry) => entry.items.length > 0),
  };
}

function groupByOrganisation(people: Participant[]): Array<{ organisation: string; names: string[] }> {
  const byOrganisation = new Map<string, string[]>();
  for (const person of people)
    byOrganisation.set(person.organisation, [...(byOrganisation.get(person.organisation) ?? []), person.name]);
  return [...byOrganisation.entries()]
    .map(([organisation, names]) => ({ organisation, names: names.sort() }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation));
}
