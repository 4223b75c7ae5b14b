import { z } from 'zod';
import { ParticipantIdSchema, type WorkshopId, WorkshopIdSchema } from '../ids.ts';
import type { Role } from '../model/workshop/roles.ts';
import { lineText, TimeZoneSchema } from './schemas/workshop/common.ts';

/** HTTP routes, written once like the socket events. */
export const HttpRoute = {
  createWorkshop: '/api/workshops',
  /** chairs; `Authorization: Bearer <participant token>`; format `report.md`, `report.docx` or `attendance.csv` */
  workshopExport: '/api/workshops/:workshopId/export/:file',
  /** POST a document's bytes (chairs, or whoever holds the deck); query `name`, `scope` */
  libraryUpload: '/api/workshops/:workshopId/library',
  /** GET a document (anyone in the workshop who may see its room) */
  libraryFile: '/api/workshops/:workshopId/library/:libraryItemId',
  /** POST (chairs): the next edition of this workshop */
  createEdition: '/api/workshops/:workshopId/editions',
  /** GET (a chair of any edition): the editions side by side */
  series: '/api/series/:seriesId',
  /** GET (chairs): who attended, per day and organisation (`AttendanceResponse`) */
  attendance: '/api/workshops/:workshopId/attendance',
} as const;

/** `scope` of an upload: `workshop`, `agendaItem:<item id>` or `room:<room id>`. */
export const libraryUploadPath = (workshopId: string, name: string, scope = 'workshop'): string =>
  `${HttpRoute.libraryUpload.replace(':workshopId', encodeURIComponent(workshopId))}?name=${encodeURIComponent(name)}&scope=${encodeURIComponent(scope)}`;

export const libraryFilePath = (workshopId: string, libraryItemId: string): string =>
  HttpRoute.libraryFile
    .replace(':workshopId', encodeURIComponent(workshopId))
    .replace(':libraryItemId', encodeURIComponent(libraryItemId));

export const EXPORT_FILES = ['report.md', 'report.docx', 'attendance.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const exportPath = (workshopId: string, file: ExportFile): string =>
  HttpRoute.workshopExport.replace(':workshopId', encodeURIComponent(workshopId)).replace(':file', file);

/** `POST /api/workshops`: anyone who can reach the server may start a workshop. */
export const CreateWorkshopRequestSchema = z.strictObject({
  title: lineText(120),
  timeZone: TimeZoneSchema,
  settings: z.strictObject({ lobbyEnabled: z.boolean().optional() }).optional(),
});
export type CreateWorkshopRequest = z.input<typeof CreateWorkshopRequestSchema>;

export interface CreateWorkshopResponse {
  workshopId: WorkshopId;
  /** role → invite token; open `/join#<token>` to join with that role */
  invites: Record<Role, string>;
}

/** The page an invite token opens. */
export const inviteLink = (origin: string, token: string): string => `${origin}/join#${token}`;

export const CreateEditionRequestSchema = z.strictObject({
  title: lineText(120),
  startDate: z.iso.date(),
  carryRoster: z.boolean().optional(),
});
export type CreateEditionRequest = z.input<typeof CreateEditionRequestSchema>;

export interface CreateEditionResponse extends CreateWorkshopResponse {
  /** the caller's own token in the new edition (facilitators are carried over) */
  participantToken: string;
}

export interface SeriesEdition {
  workshopId: WorkshopId;
  title: string;
  edition: number;
  firstDay: string | null;
  lastDay: string | null;
  participants: number;
  organisations: number;
  /** per day: how many were present of how many registered */
  attendance: Array<{ date: string; present: number; registered: number }>;
  /** export paths of this edition's report and attendance sheet */
  reports: Record<ExportFile, string>;
}

export interface SeriesResponse {
  seriesId: string;
  editions: SeriesEdition[];
}

export const attendancePath = (workshopId: string): string =>
  HttpRoute.attendance.replace(':workshopId', encodeURIComponent(workshopId));

const count = z.number().int().nonnegative();

/** One person present on a day: when they first came, when they last left, how long they stayed. */
const AttendeeSchema = z.object({
  participantId: ParticipantIdSchema,
  name: z.string(),
  /** epoch ms */
  firstIn: z.number(),
  /** epoch ms; null while still present */
  lastOut: z.number().nullable(),
  minutes: count,
});

const OrganisationDaySchema = z.object({
  organisation: z.string(),
  /** on the roster (now) */
  registered: count,
  present: count,
  /** the attendees' minutes added up */
  minutes: count,
  attendees: z.array(AttendeeSchema),
  /** on the roster, not present that day */
  absent: z.array(z.object({ participantId: ParticipantIdSchema, name: z.string() })),
});

const AttendanceDaySchema = z.object({
  /** `YYYY-MM-DD` in the workshop's time zone */
  date: z.iso.date(),
  registered: count,
  present: count,
  minutes: count,
  /** by name; every organisation on the roster, present or not */
  organisations: z.array(OrganisationDaySchema),
});

/** `GET /api/workshops/:workshopId/attendance` (chairs): the attendance log summed up per day. */
export const AttendanceResponseSchema = z.object({
  workshopId: WorkshopIdSchema,
  timeZone: z.string(),
  /** epoch ms: open intervals are counted up to this instant */
  asOf: z.number(),
  /** oldest first */
  days: z.array(AttendanceDaySchema),
});
export type AttendanceResponse = z.infer<typeof AttendanceResponseSchema>;
export type AttendanceDay = AttendanceResponse['days'][number];
export type OrganisationDay = AttendanceDay['organisations'][number];
