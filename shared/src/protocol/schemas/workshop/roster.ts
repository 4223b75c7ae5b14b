import { z } from 'zod';
import { ParticipantIdSchema } from '../../../ids.ts';
import { ROLES } from '../../../model/workshop/roles.ts';
import { DisplayNameSchema } from '../session.ts';
import { CountrySchema, EmailSchema, LanguageSchema, lineText, OrganisationSchema, TimeZoneSchema } from './common.ts';

/** Issued by the server once an invite is verified; the invite decides the role. */
export const RegisterCommandSchema = z.strictObject({
  type: z.literal('participant.register'),
  participantId: ParticipantIdSchema,
  name: DisplayNameSchema,
  organisation: OrganisationSchema,
  country: CountrySchema,
  role: z.enum(ROLES),
  language: LanguageSchema,
  timeZone: TimeZoneSchema,
  email: EmailSchema.nullable().optional(),
});

export const UpdateProfileCommandSchema = z.strictObject({
  type: z.literal('participant.updateProfile'),
  name: DisplayNameSchema.optional(),
  organisation: OrganisationSchema.optional(),
  country: CountrySchema.optional(),
  language: LanguageSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
});

export const SetRoleCommandSchema = z.strictObject({
  type: z.literal('participant.setRole'),
  participantId: ParticipantIdSchema,
  role: z.enum(ROLES),
});

export const MAX_IN_ROOM_PEOPLE = 60;

export const SetInRoomPeopleCommandSchema = z.strictObject({
  type: z.literal('participant.setInRoomPeople'),
  participantId: ParticipantIdSchema,
  people: z.array(lineText(80)).max(MAX_IN_ROOM_PEOPLE),
});

/** Issued by the server when a participant's first socket connects. */
export const ConnectedCommandSchema = z.strictObject({
  type: z.literal('participant.connected'),
  participantId: ParticipantIdSchema,
});

/** Issued by the server when a participant's last socket disconnects. */
export const DisconnectedCommandSchema = z.strictObject({
  type: z.literal('participant.disconnected'),
  participantId: ParticipantIdSchema,
});
