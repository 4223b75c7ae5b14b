import { createClient } from 'redis';
import type { Logger } from '../../logger.ts';
import { channelOf, channels, type MediaBus } from './bus.ts';

/**
 * The media bus over Redis pub/sub: one connection publishes, another listens (a subscribed Redis
 * connection can do nothing else). The client reconnects by itself; what is published while it is
 * away is lost, and the next heartbeats put the links right.
 */
export function redisMediaBus(url: string, logger: Logger): MediaBus {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: unknown) => logger.warn({ err: error, role }, 'media bus: redis connection error'));
  }
  return {
    start: async (nodeId, onMessage) => {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe([channels.all, channels.node(nodeId)], (raw) => onMessage(raw));
    },
    publish: async (message) => {
      await publisher.publish(channelOf(message), JSON.stringify(message));
    },
    close: async () => {
      await Promise.allSettled([publisher.close(), subscriber.close()]);
    },
  };
}
