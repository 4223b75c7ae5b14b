import type { ErrorCode, ProtocolError } from './errors.ts';

/** Every command is answered with one of these; a handler never throws across the wire. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string): { ok: false; error: ProtocolError } => ({
  ok: false,
  error: { code, message },
});
