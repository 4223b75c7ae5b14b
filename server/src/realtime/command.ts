import { type CommandName, type CommandResult, commandSchemas, fail, ok, type ParsedCommand } from '@plenary/shared';
import type { z } from 'zod';
import { CommandError, describeIssues } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { TokenBucket } from './rateLimit.ts';
import type { PlenarySocket } from './types.ts';

const buckets = new WeakMap<PlenarySocket, TokenBucket>();
const bucketOf = (socket: PlenarySocket): TokenBucket => {
  let bucket = buckets.get(socket);
  if (!bucket) {
    bucket = new TokenBucket(60, 30);
    buckets.set(socket, bucket);
  }
  return bucket;
};

type Handler<C extends CommandName> = (request: ParsedCommand<C>) => Promise<CommandResult<C>> | CommandResult<C>;

/**
 * Registers one command: parse the untrusted payload with its schema, run the handler, answer with
 * an Ack. Nothing a client sends can make this throw: bad payloads and refusals become error acks,
 * and anything unexpected is logged and answered as `internal`.
 */
export function onCommand<C extends CommandName>(
  socket: PlenarySocket,
  logger: Logger,
  command: C,
  handler: Handler<C>,
): void {
  const schema: z.ZodType<ParsedCommand<C>> = commandSchemas[command] as never;
  // Every command has the same untrusted listener shape; TypeScript can't see that through the generic.
  const listen = socket.on.bind(socket) as (event: C, listener: (payload: unknown, ack: unknown) => void) => void;
  listen(command, async (payload, ack) => {
    // Without a callback there is no one to answer, so nothing is done: a command is never half-heard.
    if (typeof ack !== 'function') {
      logger.warn({ socketId: socket.id, command }, 'command without an ack callback ignored');
      return;
    }
    if (!bucketOf(socket).take()) {
      ack(fail('rate_limited', 'too many requests: slow down'));
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      ack(fail('invalid_payload', `${command}: ${describeIssues(parsed.error)}`));
      return;
    }
    try {
      ack(ok(await handler(parsed.data)));
    } catch (error) {
      if (error instanceof CommandError) {
        ack(fail(error.code, error.message));
        return;
      }
      logger.error({ err: error, socketId: socket.id, command }, 'command failed');
      ack(fail('internal', 'something went wrong on the server; try again'));
    }
  });
}
