import { z } from 'zod';
import { DisplayNameSchema } from './session.ts';
import { CountrySchema, EmailSchema, LanguageSchema, OrganisationSchema, TimeZoneSchema } from './workshop/common.ts';

/** Signed tokens (JWT) from invite links or an earlier join; verified by the server. */
const TokenSchema = z.string().min(16).max(2048);

/** What a person tells the workshop about themselves, once, on their first visit. */
export const ProfileSchema = z.strictObject({
  name: DisplayNameSchema,
  organisation: OrganisationSchema,
  country: CountrySchema,
  language: LanguageSchema,
  timeZone: TimeZoneSchema,
  email: EmailSchema.nullable().optional(),
});

export const JoinRequestSchema = z.strictObject({
  protocolVersion: z.number().int().nonnegative(),
  credential: z.discriminatedUnion('kind', [
    /** first visit, from an invite link: the link decides the role */
    z.strictObject({ kind: z.literal('invite'), token: TokenSchema, profile: ProfileSchema }),
    /** coming back (another tab, a reload, a network drop) as the same participant */
    z.strictObject({ kind: z.literal('participant'), token: TokenSchema }),
  ]),
});
