import { describe, expect, it } from 'vitest';
import { type ProfileDraft, readProfile } from './profileForm.ts';

const draft: ProfileDraft = {
  name: '  Ana Tuilagi ',
  organisation: 'Ministry of Health',
  country: 'Samoa',
  timeZone: 'Pacific/Apia',
  language: 'en-WS',
  email: '',
};

describe('readProfile', () => {
  it('trims what was typed and treats an empty email as none', () => {
    expect(readProfile(draft)).toEqual({
      ok: true,
      profile: { ...draft, name: 'Ana Tuilagi', email: null },
    });
  });

  it('names each field that needs fixing, as the form labels it', () => {
    const result = readProfile({ ...draft, name: ' ', organisation: '', timeZone: 'Mars/Olympus', email: 'ana@' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual({
      name: 'Your name: a name is needed.',
      organisation: 'Organisation: this cannot be empty.',
      timeZone: 'Time zone: an IANA time zone such as Europe/Paris.',
      email: 'Email: this is not an email address.',
    });
  });
});
