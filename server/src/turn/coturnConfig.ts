import { join } from 'node:path';
import type { CoturnSettings } from './turnConfig.ts';

/** The realm coturn names in its challenges; browsers do not care which. */
export const TURN_REALM = 'plenary';

const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.');
const isUnspecified = (ip: string) => ip === '0.0.0.0' || ip === '::';

/**
 * coturn's configuration (`turnserver -c`), from Plenary's settings: plain UDP and TCP only (TLS
 * is terminated by Plenary's own listener and handed over by `demux.ts`), time-limited REST
 * credentials, and relaying to the media server alone, so the TURN server can't be used to reach
 * other hosts from inside the network.
 */
export function coturnConfig(settings: CoturnSettings, secret: string, dir: string): string {
  const { listenIp, publicIp, peerIp } = settings;
  const listening = isUnspecified(listenIp)
    ? []
    : // Loopback too: the TLS demux hands TURN connections over there.
      [...new Set([listenIp, '127.0.0.1'])].map((ip) => `listening-ip=${ip}`);
  const relay = isUnspecified(listenIp) ? [] : [`relay-ip=${listenIp}`];
  const external =
    publicIp === listenIp
      ? []
      : [isUnspecified(listenIp) ? `external-ip=${publicIp}` : `external-ip=${publicIp}/${listenIp}`];
  const lines = [
    `listening-port=${settings.port}`,
    ...listening,
    ...relay,
    ...external,
    `min-port=${settings.minPort}`,
    `max-port=${settings.maxPort}`,
    'use-auth-secret',
    `static-auth-secret=${secret}`,
    `realm=${TURN_REALM}`,
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-multicast-peers',
    'no-software-attribute',
    'no-rfc5780',
    'denied-peer-ip=0.0.0.0-255.255.255.255',
    'denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    `allowed-peer-ip=${peerIp}`,
    ...(isLoopback(peerIp) ? ['allow-loopback-peers'] : []),
    `userdb=${join(dir, 'turndb')}`,
    `pidfile=${join(dir, 'turnserver.pid')}`,
    'log-file=stdout',
    'simple-log',
  ];
  return `# Written by Plenary at each start: edit Plenary's PLENARY_TURN_* settings instead.\n${lines.join('\n')}\n`;
}
