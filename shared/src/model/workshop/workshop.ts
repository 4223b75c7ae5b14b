import type { ParticipantId, RoomId, WorkshopId } from '../../ids.ts';
import type { AgendaItem, CurrentItem, Day } from './agenda.ts';
import type { AttendanceRecord } from './attendance.ts';
import type { BreakoutsState } from './breakouts.ts';
import type { ChatMessage } from './chat.ts';
import type { LibraryItem, Presentation, SeriesInfo } from './library.ts';
import type { ReportBack, RoomOutcomes } from './outcomes.ts';
import type { Participant } from './participant.ts';
import type { Poll } from './polls.ts';
import type { Proposal } from './proposals.ts';
import type { QueueState } from './queue.ts';

export interface WorkshopSettings {
  /** When on, participants other than chairs wait in the lobby until admitted. */
  lobbyEnabled: boolean;
  /** Among new points, people who have not spoken on the current agenda item go first. */
  prioritiseNewSpeakers: boolean;
  /** Default length of a turn; null for untimed turns. */
  turnDurationMs: number | null;
  /** How long before the end of a turn the speaker is warned; 0 for no warning. */
  turnWarningMs: number;
  /** Countdown between recalling the breakout rooms and closing them. */
  recallGraceMs: number;
}

/**
 * The whole workshop as plain JSON: stored as is, and sent to clients (redacted per viewer).
 * Every accepted command increments `revision`.
 */
export interface WorkshopState {
  id: WorkshopId;
  title: string;
  /** IANA zone the agenda's dates and times are written in. */
  timeZone: string;
  revision: number;
  /** Counter the domain mints ids from, so ids are deterministic. */
  seq: number;
  settings: WorkshopSettings;
  plenaryRoomId: RoomId;
  participants: Record<ParticipantId, Participant>;
  days: Day[];
  agenda: AgendaItem[];
  currentItem: CurrentItem | null;
  queue: QueueState;
  breakouts: BreakoutsState;
  /** Per channel (see `channelKey`), oldest first. */
  chat: Record<string, ChatMessage[]>;
  polls: Poll[];
  proposals: Proposal[];
  /** per breakout room that has outcomes */
  outcomes: Record<RoomId, RoomOutcomes>;
  reportBack: ReportBack | null;
  library: LibraryItem[];
  presentation: Presentation | null;
  /** set when this workshop is an edition of a recurring one */
  series: SeriesInfo | null;
  attendance: AttendanceRecord[];
}

export const DEFAULT_SETTINGS: WorkshopSettings = {
  lobbyEnabled: true,
  prioritiseNewSpeakers: false,
  turnDurationMs: 3 * 60_000,
  turnWarningMs: 30_000,
  recallGraceMs: 60_000,
};

export interface WorkshopConfig {
  id: WorkshopId;
  title: string;
  /** IANA zone for the agenda's dates and the attendance days. */
  timeZone: string;
  /** The plenary's room id; defaults to `plenary`. Room ids are unique within a workshop. */
  plenaryRoomId?: RoomId;
  settings?: Partial<WorkshopSettings>;
}

/** An empty workshop. The first facilitator arrives with a `participant.register` from the server. */
export function createWorkshop(config: WorkshopConfig): WorkshopState {
  return {
    id: config.id,
    title: config.title,
    timeZone: config.timeZone,
    revision: 0,
    seq: 0,
    settings: { ...DEFAULT_SETTINGS, ...config.settings },
    plenaryRoomId: config.plenaryRoomId ?? ('plenary' as RoomId),
    participants: {},
    days: [],
    agenda: [],
    currentItem: null,
    queue: { entries: [], turn: null, speeches: [] },
    breakouts: { sets: [], open: null },
    chat: {},
    polls: [],
    proposals: [],
    outcomes: {},
    reportBack: null,
    library: [],
    presentation: null,
    series: null,
    attendance: [],
  };
}
