import type { Failure } from '../i18n/message.ts';

/** A fetch that never reached the server. The sentence is for logs and tests; people read `errors:code.unreachable`. */
export const UNREACHABLE: Failure = {
  code: 'unreachable',
  message: 'Cannot reach the Plenary server. Check your connection and try again.',
};

/** What an HTTP status means when the server's answer has no code of its own. */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_payload',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_type',
  429: 'rate_limited',
};

/** Why an HTTP request was refused: the `{ error: { code, message } }` the server sends, else what its status says. */
export async function refusalOf(response: Response): Promise<Failure> {
  const body: unknown = await response.json().catch(() => null);
  const error =
    typeof body === 'object' && body !== null
      ? (body as { error?: { code?: unknown; message?: unknown } }).error
      : null;
  const fromStatus = CODE_OF_STATUS[response.status] ?? (response.status >= 500 ? 'internal' : 'unknown');
  return {
    code: typeof error?.code === 'string' ? error.code : fromStatus,
    message: typeof error?.message === 'string' ? error.message : '',
  };
}
