// A certificate and its key as Plenary serves them, checked before a listener ever sees them: a
// certificate that cannot be served is refused here with a message naming what is wrong.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContextOptions } from 'node:tls';

export interface ServedCertificate {
  /** the PEM chain, leaf first */
  cert: string;
  key: string;
  leaf: X509Certificate;
}

/** Checks a PEM chain and key belong together and can be served; `source` names them in errors. */
export function parseCertificate(certPem: string, keyPem: string, source: string): ServedCertificate {
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certPem);
  } catch {
    throw new Error(`${source}: the certificate is not a PEM certificate`);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new Error(`${source}: the key is not an unencrypted PEM private key`);
  }
  if (!leaf.checkPrivateKey(key)) throw new Error(`${source}: the key does not belong to the certificate`);
  try {
    createSecureContext({ cert: certPem, key: keyPem });
  } catch (error) {
    throw new Error(`${source}: TLS refuses the certificate (${(error as Error).message})`);
  }
  return { cert: certPem, key: keyPem, leaf };
}

export const secureOptions = (served: ServedCertificate): SecureContextOptions => ({
  cert: served.cert,
  key: served.key,
});

/**
 * The host a certificate names, for the links Plenary prints and the TURN URL it hands out: its first
 * DNS name, else its first IP address (bracketed if IPv6), else none.
 */
export function hostNameOf(served: ServedCertificate): string | undefined {
  const names = served.leaf.subjectAltName?.split(', ') ?? [];
  const dns = names.find((entry) => entry.startsWith('DNS:'));
  if (dns) return dns.slice('DNS:'.length);
  const ip = names.find((entry) => entry.startsWith('IP Address:'))?.slice('IP Address:'.length);
  // Node writes IPv6 in full and in capitals; a URL's own parser gives the usual short form.
  return ip?.includes(':') ? new URL(`https://[${ip}]/`).hostname : ip;
}

/** How a person compares certificates: SHA-256 of the leaf, as browsers show it (AB:CD:…). */
export const fingerprintOf = (served: ServedCertificate): string => served.leaf.fingerprint256;

export const expiresAt = (served: ServedCertificate): number => Date.parse(served.leaf.validTo);

/** The share of the certificate's lifetime still ahead at `now` (0 once expired). */
export function lifetimeLeft(served: ServedCertificate, now: number): number {
  const from = Date.parse(served.leaf.validFrom);
  const to = expiresAt(served);
  if (to <= from) return 0;
  return Math.max(0, Math.min(1, (to - now) / (to - from)));
}
