// How Plenary meets browsers: plain http on localhost (the default), https from the operator's
// certificate files, https from a certificate obtained over ACME, or https on the LAN with a
// certificate of its own. Read from the environment once, checked here, trusted afterwards.
import { isIPv4 } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { firstLanAddress } from './lanAddress.ts';

/** Let's Encrypt's production directory: what `PLENARY_DOMAIN` uses unless told otherwise. */
export const LETS_ENCRYPT_DIRECTORY = 'https://acme-v02.api.letsencrypt.org/directory';

export type TlsConfig =
  | { kind: 'none' }
  | {
      kind: 'files';
      certFile: string;
      keyFile: string;
      /** a second, plain listener that redirects to https, when PLENARY_HTTP_PORT is set */
      httpPort: number | undefined;
      checkMs: number;
    }
  | {
      kind: 'acme';
      domain: string;
      directoryUrl: string;
      email: string | undefined;
      /** a PEM file of the CA behind the ACME directory's own https, for a private ACME server */
      directoryCaFile: string | undefined;
      /** where HTTP-01 challenges are answered and everything else is redirected to https */
      httpPort: number;
      checkMs: number;
    }
  | { kind: 'lan'; address: string };

export interface TlsEnv {
  PLENARY_TLS_CERT?: string | undefined;
  PLENARY_TLS_KEY?: string | undefined;
  PLENARY_DOMAIN?: string | undefined;
  PLENARY_ACME_DIRECTORY?: string | undefined;
  PLENARY_ACME_EMAIL?: string | undefined;
  PLENARY_ACME_CA?: string | undefined;
  PLENARY_HTTP_PORT?: number | undefined;
  PLENARY_TLS_CHECK_MS: number;
  PLENARY_LAN: boolean;
  PLENARY_LAN_ADDRESS?: string | undefined;
}

// A DNS name with at least one dot: ACME CAs issue for nothing else.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The TLS mode the environment asks for; throws a readable message for a contradictory one. */
export function tlsFromEnv(e: TlsEnv, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): TlsConfig {
  const files = e.PLENARY_TLS_CERT !== undefined || e.PLENARY_TLS_KEY !== undefined;
  const chosen = [files && 'PLENARY_TLS_CERT', e.PLENARY_DOMAIN && 'PLENARY_DOMAIN', e.PLENARY_LAN && 'PLENARY_LAN'];
  const modes = chosen.filter((mode): mode is string => typeof mode === 'string');
  if (modes.length > 1) invalid(`${modes.join(' and ')} are different ways to serve https: choose one`);
  if (files) {
    if (!e.PLENARY_TLS_CERT || !e.PLENARY_TLS_KEY) invalid('PLENARY_TLS_CERT and PLENARY_TLS_KEY go together');
    return {
      kind: 'files',
      certFile: e.PLENARY_TLS_CERT,
      keyFile: e.PLENARY_TLS_KEY,
      httpPort: e.PLENARY_HTTP_PORT,
      checkMs: e.PLENARY_TLS_CHECK_MS,
    };
  }
  if (e.PLENARY_DOMAIN) {
    if (!DOMAIN.test(e.PLENARY_DOMAIN)) invalid('PLENARY_DOMAIN: a DNS name such as plenary.example.org');
    return {
      kind: 'acme',
      domain: e.PLENARY_DOMAIN.toLowerCase(),
      directoryUrl: e.PLENARY_ACME_DIRECTORY ?? LETS_ENCRYPT_DIRECTORY,
      email: e.PLENARY_ACME_EMAIL,
      directoryCaFile: e.PLENARY_ACME_CA,
      httpPort: e.PLENARY_HTTP_PORT ?? 80,
      checkMs: e.PLENARY_TLS_CHECK_MS,
    };
  }
  if (e.PLENARY_LAN) {
    if (e.PLENARY_LAN_ADDRESS !== undefined && !isIPv4(e.PLENARY_LAN_ADDRESS)) {
      invalid('PLENARY_LAN_ADDRESS: an IPv4 address of this machine');
    }
    const address = e.PLENARY_LAN_ADDRESS ?? firstLanAddress(interfaces);
    if (!address) invalid('PLENARY_LAN: this machine has no LAN IPv4 address; set PLENARY_LAN_ADDRESS');
    return { kind: 'lan', address };
  }
  return { kind: 'none' };
}

function invalid(message: string): never {
  throw new Error(`invalid configuration: ${message}`);
}
