import type { ErrorCode } from '@plenary/shared';
import type { z } from 'zod';

/** A refusal the client should see as `{ ok: false, error }`; anything else thrown is `internal`. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** zod's issues as one readable sentence: `displayName: a name is needed; direction: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
