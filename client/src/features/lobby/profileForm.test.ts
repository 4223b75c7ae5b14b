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

  it('says what is wrong with each field that needs fixing', () => {
    const result = readProfile({
      ...draft,
      name: ' ',
      organisation: '',
      country: 'x'.repeat(65),
      timeZone: 'Mars/Olympus',
      language: 'English',
      email: 'ana@',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual({
      name: { kind: 'empty' },
      organisation: { kind: 'empty' },
      country: { kind: 'tooLong', max: 64 },
      timeZone: { kind: 'timeZone' },
      language: { kind: 'language' },
      email: { kind: 'email' },
    });
  });
});
