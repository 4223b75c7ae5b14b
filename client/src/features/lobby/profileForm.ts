import { ProfileSchema } from '@plenary/shared';
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

export const PROFILE_LABELS: Record<ProfileField, string> = {
  name: 'Your name',
  organisation: 'Organisation',
  country: 'Country',
  timeZone: 'Time zone',
  language: 'Language',
  email: 'Email',
};

/**
 * The profile the server will accept, or a problem per field, by the same rules the server applies,
 * so a mistake is explained before anything is sent. An empty email means none.
 */
export function readProfile(
  draft: ProfileDraft,
): { ok: true; profile: Profile } | { ok: false; problems: Partial<Record<ProfileField, string>> } {
  const email = draft.email.trim();
  const parsed = ProfileSchema.safeParse({ ...draft, email: email === '' ? null : email });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const problems: Partial<Record<ProfileField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ProfileField;
    if (field in PROFILE_LABELS && !problems[field]) {
      problems[field] =
        `${PROFILE_LABELS[field]}: ${field === 'email' ? 'this is not an email address' : issue.message}.`;
    }
  }
  return { ok: false, problems };
}

/** `pt-BR` from the browser, or `en` when it offers nothing usable. */
export function browserLanguage(): string {
  const language = typeof navigator === 'undefined' ? '' : navigator.language;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : 'en';
}
