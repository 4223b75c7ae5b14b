import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { MediaMesh } from './mediaMesh.ts';
import { redisMediaBus } from './redisBus.ts';

/**
 * The media mesh when several nodes share workshops (PLENARY_REDIS_URL is set); nothing for a node on
 * its own, whose rooms then behave exactly as they always have.
 */
export async function startMediaMesh(
  config: Pick<Config, 'media' | 'cluster'>,
  logger: Logger,
): Promise<MediaMesh | undefined> {
  if (!config.cluster) return undefined;
  const { listenIp, announcedIp } = config.media;
  if (!announcedIp && (listenIp === '0.0.0.0' || listenIp === '::')) {
    throw new Error('PLENARY_ANNOUNCED_IP must name this host when PLENARY_REDIS_URL links several nodes');
  }
  return MediaMesh.start({
    bus: redisMediaBus(config.cluster.redisUrl, config.cluster.redisPrefix, logger.child({ part: 'media-bus' })),
    settings: config.media,
    heartbeatMs: config.media.heartbeatMs,
    logger: logger.child({ part: 'media-mesh' }),
  });
}
