import { CreateWorkshopRequestSchema, ProfileSchema } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { fieldProblem } from './fieldProblem.ts';

const firstIssue = (result: { success: boolean; error?: { issues: Array<{ code: string }> } }) =>
  result.error?.issues[0] ?? { code: 'none' };

describe('fieldProblem', () => {
  it('reads what the shared schemas say about a typed line', () => {
    const empty = CreateWorkshopRequestSchema.safeParse({ title: '  ', timeZone: 'UTC' });
    expect(fieldProblem(firstIssue(empty))).toEqual({ kind: 'empty' });
    const long = CreateWorkshopRequestSchema.safeParse({ title: 'x'.repeat(121), timeZone: 'UTC' });
    expect(fieldProblem(firstIssue(long))).toEqual({ kind: 'tooLong', max: 120 });
    const control = CreateWorkshopRequestSchema.safeParse({ title: 'a\u0007b', timeZone: 'UTC' });
    expect(fieldProblem(firstIssue(control))).toEqual({ kind: 'controlCharacters' });
  });

  it('names the rule of a field with a format of its own', () => {
    const zone = CreateWorkshopRequestSchema.safeParse({ title: 'T', timeZone: 'Mars/Olympus' });
    expect(fieldProblem(firstIssue(zone), 'timeZone')).toEqual({ kind: 'timeZone' });
    const profile = { name: 'A', organisation: 'O', country: 'C', timeZone: 'UTC' };
    const language = ProfileSchema.safeParse({ ...profile, language: 'not a tag' });
    expect(fieldProblem(firstIssue(language), 'language')).toEqual({ kind: 'language' });
    const email = ProfileSchema.safeParse({ ...profile, language: 'en', email: 'ana@' });
    expect(fieldProblem(firstIssue(email), 'email')).toEqual({ kind: 'email' });
  });
});
