// What is wrong with a value typed into a form, from the schema's complaint. The shared schemas
// explain themselves in English for the server's logs; a form needs a reason it can word in the
// reader's language (`common:problem.<kind>`).

export type FieldProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'controlCharacters' }
  | { kind: 'timeZone' }
  | { kind: 'language' }
  | { kind: 'email' }
  | { kind: 'invalid' };

/** The part of a zod issue read here (zod itself is the shared package's dependency, not ours). */
export interface SchemaIssue {
  code: string;
  maximum?: number | bigint;
}

/** What a field expects when its own rule fails (`refine`, a format): the shared schemas' rules. */
export type FieldRule = 'text' | 'timeZone' | 'language' | 'email';

export function fieldProblem(issue: SchemaIssue, rule: FieldRule = 'text'): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return { kind: 'empty' };
    case 'too_big':
      return { kind: 'tooLong', max: Number(issue.maximum ?? 0) };
    case 'custom':
    case 'invalid_format':
      return rule === 'text' ? { kind: 'controlCharacters' } : { kind: rule };
    default:
      return rule === 'text' ? { kind: 'invalid' } : { kind: rule };
  }
}
