// The workshop domain's public surface, for the realtime layer and the store.

export type { AttendanceQuery, OrganisationAttendance, ParticipantAttendance } from './attendance.ts';
export { attendanceByOrganisation, attendanceIntervals, localDate } from './attendance.ts';
export { isRapporteur } from './breakouts.ts';
export { canReadChannel } from './chat.ts';
export { type CommandOf, SYSTEM_ACTOR, type WorkshopCommand } from './commands.ts';
export { previewCsvAssignment } from './csvAssignment.ts';
export { type Deadline, nextDeadline } from './deadlines.ts';
export type { DomainEvent, Move } from './events.ts';
export { waiting } from './lobby.ts';
export { movesBetween, type Occupants, occupants, roomOf } from './location.ts';
export type { CsvPreview, CsvRowError } from './model.ts';
export { pollResults } from './polls.ts';
export { proposalResult } from './proposals.ts';
export { type SpeakingTotal, speakingTimeByOrganisation, speakingTimeBySpeaker } from './queue.ts';
export type { DomainError, Result } from './result.ts';
export { ACTOR_ROLES, type ActorRole, isAllowed, PERMISSIONS } from './roles.ts';
export { viewFor } from './view.ts';
export { createWorkshop, DEFAULT_SETTINGS, decide, type WorkshopConfig } from './workshop.ts';
