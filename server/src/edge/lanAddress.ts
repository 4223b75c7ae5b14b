import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The address a training room's laptops reach this machine on: its first IPv4 address that is not
 * loopback. Link-local addresses (169.254.x.x) come last: a network without DHCP leaves them on
 * every interface, and they rarely reach the other machines.
 */
export function firstLanAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | undefined {
  const candidates = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
  return candidates.find((address) => !address.startsWith('169.254.')) ?? candidates[0];
}
