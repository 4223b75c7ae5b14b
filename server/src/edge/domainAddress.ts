import { lookup } from 'node:dns/promises';
import type { Config } from '../config.ts';

/**
 * With PLENARY_DOMAIN, browsers reach this machine's media where they reach its page: unless
 * PLENARY_ANNOUNCED_IP says otherwise, the domain's IPv4 address (a NAT's public address included)
 * is the one put in ICE candidates, so the public deployment stays one command.
 */
export async function announceDomainAddress(
  config: Config,
  resolve: (name: string) => Promise<string> = async (name) => (await lookup(name, { family: 4 })).address,
): Promise<Config> {
  if (config.tls.kind !== 'acme' || config.media.announcedIp !== undefined) return config;
  const domain = config.tls.domain;
  const address = await resolve(domain).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `PLENARY_DOMAIN=${domain} has no IPv4 address (${error.code ?? error.message}): point it at this machine, or set PLENARY_ANNOUNCED_IP`,
    );
  });
  return { ...config, media: { ...config.media, announcedIp: address } };
}
