import { z } from 'zod';

// Text typed by people: trimmed, non-empty, bounded. Single-line text refuses all control
// characters; multi-line text keeps newlines and tabs.
const CONTROL = /\p{Cc}/u;
/** A control character other than a newline or a tab. */
const CONTROL_EXCEPT_NEWLINE = /[^\P{Cc}\n\t]/u;

export const lineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'this cannot be empty')
    .max(max, `at most ${max} characters`)
    .refine((text) => !CONTROL.test(text), 'control characters are not allowed');

export const multilineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'this cannot be empty')
    .max(max, `at most ${max} characters`)
    .refine((text) => !CONTROL_EXCEPT_NEWLINE.test(text), 'control characters are not allowed');

/** Ids the domain mints for agenda items, polls, sets...: opaque, short. */
export const EntityIdSchema = z.string().min(1).max(64);

export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Paris');

export const LanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as fr or pt-BR')
  .max(35);

export const OrganisationSchema = lineText(120);
export const CountrySchema = lineText(64);
export const EmailSchema = z.string().trim().max(254).pipe(z.email());

const HOUR_MS = 3_600_000;
/** A duration in ms between one second and a day. */
export const DurationMsSchema = z
  .number()
  .int()
  .min(1000)
  .max(24 * HOUR_MS);

/** Seed for the deterministic random assignment (unsigned 32-bit). */
export const SeedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);
