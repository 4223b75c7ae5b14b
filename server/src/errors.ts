import type { ErrorCode } from '@plenary/shared';

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
