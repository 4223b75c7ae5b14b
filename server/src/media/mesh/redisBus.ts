import { createClient } from 'redis';
import type { Logger } from '../../logger.ts';
import { type MediaBus, meshChannels } from './bus.ts';

/**
 * The media bus over Redis pub/sub: one connection publishes, another listens (a subscribed Redis
 * connection can do nothing else). The client reconnects by itself; what is published while it is
 * away is lost, and the next heartbeats put the links right. A node that cannot reach Redis when it
 * starts fails to start (after `startTimeoutMs`) rather than serve its rooms cut off from the others.
 */
export function redisMediaBus(url: string, prefix: string, logger: Logger, startTimeoutMs = 10_000): MediaBus {
  const channels = meshChannels(prefix);
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const [role, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    // Once per outage, not once per reconnection attempt.
    let failing: string | undefined;
    client.on('error', (error: Error) => {
      if (error.message !== failing) logger.warn({ err: error, role }, 'media bus: redis connection failing');
      failing = error.message;
    });
    client.on('ready', () => {
      if (failing) logger.info({ role }, 'media bus: redis connection restored');
      failing = undefined;
    });
  }
  const close = async () => {
    await Promise.allSettled([publisher.close(), subscriber.close()]);
  };
  return {
    start: async (nodeId, onMessage) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`could not reach Redis at ${url}`)), startTimeoutMs);
      });
      try {
        await Promise.race([Promise.all([publisher.connect(), subscriber.connect()]), timeout]);
        await subscriber.subscribe([channels.all, channels.node(nodeId)], (raw) => onMessage(raw));
      } catch (error) {
        publisher.destroy();
        subscriber.destroy();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    publish: async (message) => {
      await publisher.publish(channels.of(message), JSON.stringify(message));
    },
    close,
  };
}
