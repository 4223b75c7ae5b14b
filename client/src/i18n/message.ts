import { ERROR_CODES, type ErrorCode } from '@plenary/shared';
import type { ParseKeys, TFunction } from 'i18next';

/**
 * Failures on this side of the wire (no connection, no answer, an HTTP refusal the server did not
 * explain), next to the codes the server answers with.
 */
const CLIENT_CODES = [
  'timeout',
  'disconnected',
  'bad_reply',
  'unreachable',
  'too_large',
  'unsupported_type',
  'no_token',
] as const;

export type FailureCode = ErrorCode | (typeof CLIENT_CODES)[number];

/** Why something failed: a code we have words for, and the sentence that came with it (English). */
export interface Failure {
  code: string;
  message: string;
}

const KNOWN: ReadonlySet<string> = new Set([...ERROR_CODES, ...CLIENT_CODES]);
/** Codes whose sentence the server wrote (an upload refused for its size names the limit). */
const SERVER: ReadonlySet<string> = new Set([...ERROR_CODES, 'too_large', 'unsupported_type']);

/** The `errors` key that words a failure; a code this client does not know reads as a plain refusal. */
export function failureKey(code: string): ParseKeys<'errors'> {
  return KNOWN.has(code) ? (`code.${code as FailureCode}` satisfies ParseKeys<'errors'>) : 'code.unknown';
}

/**
 * The server's own sentence is worth showing beside ours (it says which rule was broken, e.g.
 * "close the breakout rooms first"); the sentences this client made up say nothing ours don't.
 */
export const hasServerDetail = (failure: Failure): boolean => SERVER.has(failure.code) && failure.message !== '';

/** A key of the `notices` namespace: what the session tells the person. */
export type NoticeKey = ParseKeys<'notices'>;

/** A value is a name or a number as it is, or words of its own (`{ key }`: "A facilitator"). */
export type MessageValues = Readonly<Record<string, string | number | { key: NoticeKey }>>;

/**
 * What to tell the person, decided in plain code and worded on screen in the current language: a
 * `notices` key with its values (a failure's words fill its `{{reason}}`), or a failure on its own.
 */
export type Message = { key: NoticeKey; values?: MessageValues; error?: Failure } | { error: Failure };

/** The words of a message: its sentence, and the server's own (English) sentence when it adds something. */
export interface Words {
  text: string;
  serverDetail: string | null;
}

/** A `t` that reads the `notices` and `errors` namespaces (`ns:key`). */
export type MessageT = TFunction<readonly ['notices', 'errors']>;

export function wordsOf(t: MessageT, message: Message): Words {
  const { error } = message;
  const reason = error ? t(`errors:${failureKey(error.code)}`) : undefined;
  const values = Object.fromEntries(
    Object.entries(('key' in message && message.values) || {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? t(`notices:${value.key}`) : value,
    ]),
  );
  const text = 'key' in message ? t(`notices:${message.key}`, { ...values, reason }) : (reason ?? '');
  return { text, serverDetail: error && hasServerDetail(error) ? error.message : null };
}
