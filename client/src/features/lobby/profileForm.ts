import { ProfileSchema } from '@plenary/shared';
import { type FieldProblem, type FieldRule, fieldProblem } from '../../lib/fieldProblem.ts';
import type { Profile } from '../../session/entry.ts';

export interface ProfileDraft {
  name: string;
  organisation: string;
  country: string;
  timeZone: string;
  language: string;
  email: string;
}

export type ProfileField = keyof ProfileDraft;

/** What each field must be beyond plain text, as the shared schema checks it. */
const RULES: Record<ProfileField, FieldRule> = {
  name: 'text',
  organisation: 'text',
  country: 'text',
  timeZone: 'timeZone',
  language: 'language',
  email: 'email',
};

export type ProfileProblems = Partial<Record<ProfileField, FieldProblem>>;

/**
 * The profile the server will accept, or a problem per field, by the same rules the server applies,
 * so a mistake is explained before anything is sent. An empty email means none.
 */
export function readProfile(
  draft: ProfileDraft,
): { ok: true; profile: Profile } | { ok: false; problems: ProfileProblems } {
  const email = draft.email.trim();
  const parsed = ProfileSchema.safeParse({ ...draft, email: email === '' ? null : email });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const problems: ProfileProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ProfileField;
    if (field in RULES && !problems[field]) problems[field] = fieldProblem(issue, RULES[field]);
  }
  return { ok: false, problems };
}

/** `pt-BR` from the browser, or `en` when it offers nothing usable. */
export function browserLanguage(): string {
  const language = typeof navigator === 'undefined' ? '' : navigator.language;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : 'en';
}
