// LAN mode's certificates, made once and kept in the data directory: a small authority of
// Plenary's own ("Plenary LAN CA", ten years) and a certificate for this machine's LAN address that
// it signs. A device trusts the authority once; when the address changes only the leaf is remade,
// so nobody has to trust anything again.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { expiresAt, parseCertificate, type ServedCertificate } from './certificate.ts';
import { writeAtomically } from './keptFile.ts';

const DAY = 24 * 60 * 60 * 1000;
// Apple platforms refuse server certificates valid for more than 825 days; 397 suits every browser.
const LEAF_DAYS = 397;
const CA_DAYS = 3650;
/** A kept certificate closer than this to its end is made anew at start. */
const REMAKE_BEFORE_MS = 30 * DAY;

export interface LanCertificates {
  /** what the https listener serves: the leaf for `address`, chained to the authority */
  served: ServedCertificate;
  /** the authority a device installs to trust Plenary on the LAN */
  authority: ServedCertificate;
  authorityFile: string;
  /** whether anything was made at this start (else both were kept from before) */
  made: boolean;
}

export async function lanCertificates(dir: string, address: string, now: number): Promise<LanCertificates> {
  await mkdir(dir, { recursive: true });
  const files = {
    caCert: join(dir, 'lan-ca.crt'),
    caKey: join(dir, 'lan-ca.key'),
    cert: join(dir, 'lan.crt'),
    key: join(dir, 'lan.key'),
  };
  let made = false;
  let authority = await readKept(files.caCert, files.caKey, (ca) => expiresAt(ca) - now > REMAKE_BEFORE_MS);
  if (!authority) {
    const pems = await generate([{ name: 'commonName', value: 'Plenary LAN CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - DAY),
      notAfterDate: new Date(now + CA_DAYS * DAY),
      extensions: [
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    });
    authority = parseCertificate(pems.cert, pems.private, 'the LAN authority just made');
    await writeAtomically(files.caKey, pems.private, 'key');
    await writeAtomically(files.caCert, pems.cert, 'certificate');
    made = true;
  }
  const ca = authority;
  let leaf = made
    ? undefined
    : await readKept(
        files.cert,
        files.key,
        (kept) =>
          kept.leaf.checkIP(address) !== undefined &&
          kept.leaf.checkIssued(ca.leaf) &&
          expiresAt(kept) - now > REMAKE_BEFORE_MS,
      );
  if (!leaf) {
    const pems = await generate([{ name: 'commonName', value: address }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - DAY),
      notAfterDate: new Date(now + LEAF_DAYS * DAY),
      ca: { cert: ca.cert, key: ca.key },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: address }] },
      ],
    });
    const chain = `${pems.cert.trim()}\n${ca.cert.trim()}\n`;
    leaf = parseCertificate(chain, pems.private, `the LAN certificate just made for ${address}`);
    await writeAtomically(files.key, pems.private, 'key');
    await writeAtomically(files.cert, chain, 'certificate');
    made = true;
  }
  return { served: leaf, authority: ca, authorityFile: files.caCert, made };
}

async function readKept(
  certFile: string,
  keyFile: string,
  usable: (kept: ServedCertificate) => boolean,
): Promise<ServedCertificate | undefined> {
  try {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
    const kept = parseCertificate(cert, key, certFile);
    return usable(kept) ? kept : undefined;
  } catch {
    return undefined;
  }
}
