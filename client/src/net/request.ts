import {
  type CommandName,
  type CommandRequest,
  type CommandResult,
  ERROR_CODES,
  type ErrorCode,
} from '@plenary/shared';
import type { PlenarySocket } from './socket.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Failures on this side of the wire, next to the codes the server answers with. */
export type LocalErrorCode = 'timeout' | 'disconnected' | 'bad_reply';

export interface RequestError {
  code: ErrorCode | LocalErrorCode;
  message: string;
}

/** The server's `Ack<T>`, widened with the failures that never reached (or came back from) it. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: RequestError };

export type Requester = <C extends CommandName>(
  command: C,
  payload: CommandRequest<C>,
) => Promise<Reply<CommandResult<C>>>;

/** The part of a socket `request()` needs; a fake in tests, `ackChannel(socket)` in the app. */
export interface AckChannel {
  readonly connected: boolean;
  emitWithAck(command: CommandName, payload: unknown, timeoutMs: number): Promise<unknown>;
}

export function ackChannel(socket: PlenarySocket): AckChannel {
  return {
    get connected() {
      return socket.connected;
    },
    // The typed socket would need the command as a literal; `createRequester` keeps that link.
    emitWithAck: (command, payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(command, payload as never),
  };
}

// socket.io-client rejects emitWithAck with exactly these messages.
const SOCKET_TIMEOUT = 'operation has timed out';
const SOCKET_DISCONNECTED = 'socket has been disconnected';

export function createRequester(channel: AckChannel, { timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS } = {}): Requester {
  return async (command, payload) => {
    if (!channel.connected) {
      return failed('disconnected', 'Not connected to the server.');
    }
    let answer: unknown;
    try {
      answer = await channel.emitWithAck(command, payload, timeoutMs);
    } catch (error) {
      if (error instanceof Error && error.message === SOCKET_TIMEOUT) {
        return failed('timeout', `The server did not answer in time (${command}).`);
      }
      if (error instanceof Error && error.message === SOCKET_DISCONNECTED) {
        return failed('disconnected', 'The connection to the server was lost.');
      }
      return failed('disconnected', `The request could not be sent (${command}).`);
    }
    return readAnswer(answer, command);
  };
}

function failed(code: RequestError['code'], message: string): { ok: false; error: RequestError } {
  return { ok: false, error: { code, message } };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isErrorCode = (code: unknown): code is ErrorCode => ERROR_CODES.some((known) => known === code);

/** The server is trusted for the data's shape, but not to be bug-free about the envelope. */
function readAnswer<T>(answer: unknown, command: CommandName): Reply<T> {
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    return { ok: true, data: answer.data as T };
  }
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message } = answer.error;
    return failed(
      isErrorCode(code) ? code : 'internal',
      typeof message === 'string' && message !== '' ? message : `The server refused ${command}.`,
    );
  }
  return failed('bad_reply', `The server sent an unreadable answer (${command}).`);
}

/** For flows where a failure aborts the whole step (media setup): turns a failed reply into a throw. */
export class RequestFailed extends Error {
  readonly code: RequestError['code'];
  constructor(error: RequestError) {
    super(error.message);
    this.name = 'RequestFailed';
    this.code = error.code;
  }
}

export function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new RequestFailed(reply.error);
  return reply.data;
}
