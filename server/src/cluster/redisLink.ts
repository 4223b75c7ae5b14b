import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger.ts';

export interface RedisLink {
  /** for Socket.IO's `adapter` option */
  adapter: ReturnType<typeof createAdapter>;
  /** after Socket.IO has closed (it stores resumable sessions through this client while closing) */
  close(): Promise<void>;
}

/**
 * The Redis connection through which server nodes share Socket.IO: broadcasts reach every node's
 * sockets through one Redis stream, in one order; the sessions of dropped connections are kept in
 * Redis, so a client whose node went away resumes on another with the broadcasts it missed.
 * (node-redis; the adapter duplicates the client for its blocking stream reads and subscriptions.)
 */
export async function connectRedis(url: string, prefix: string, logger: Logger): Promise<RedisLink> {
  const client = createClient({ url });
  let lastError = '';
  // node-redis reconnects by itself; an error is logged once per kind, not once per retry.
  client.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ err: error }, 'Redis connection failed; reconnecting');
  });
  client.on('ready', () => {
    if (lastError) logger.info('Redis connection back');
    lastError = '';
  });
  await client.connect();
  const adapter = createAdapter(client, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:session:`,
  });
  return {
    adapter,
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
