// Certificates the operator keeps on disk (PLENARY_TLS_CERT / PLENARY_TLS_KEY), re-read on a timer
// so a renewal (certbot, an ACME hook, a copy) is served without a restart. A timer rather than
// fs.watch: renewal tools replace files by rename or symlink swap, which a watch on the old inode
// misses, and one read a minute costs nothing.
import { readFile } from 'node:fs/promises';
import type { Logger } from '../logger.ts';
import { fingerprintOf, parseCertificate, type ServedCertificate } from './certificate.ts';

export interface CertFiles {
  certFile: string;
  keyFile: string;
}

/** Reads and checks the pair; the error names the files and what is wrong with them. */
export async function loadCertFiles(files: CertFiles): Promise<ServedCertificate> {
  const [cert, key] = await readPair(files);
  return parseCertificate(cert, key, `PLENARY_TLS_CERT=${files.certFile}, PLENARY_TLS_KEY=${files.keyFile}`);
}

async function readPair(files: CertFiles): Promise<[string, string]> {
  const read = (path: string, name: string) =>
    readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${name}=${path}: cannot be read (${error.code ?? error.message})`);
    });
  return Promise.all([read(files.certFile, 'PLENARY_TLS_CERT'), read(files.keyFile, 'PLENARY_TLS_KEY')]);
}

export interface CertFileWatch {
  stop(): void;
}

/**
 * Calls `renewed` whenever the files hold a different, usable certificate. Files that changed into
 * something unusable are logged once (until they change again) and the current certificate stays.
 */
export function watchCertFiles(
  files: CertFiles,
  current: ServedCertificate,
  options: { checkMs: number; logger: Logger; renewed: (served: ServedCertificate) => void },
): CertFileWatch {
  let seen = current.cert + current.key;
  let lastProblem = '';
  let reading = false;
  const check = async () => {
    if (reading) return;
    reading = true;
    try {
      const [cert, key] = await readPair(files);
      if (cert + key === seen) return;
      seen = cert + key;
      const served = parseCertificate(cert, key, `${files.certFile}, ${files.keyFile}`);
      lastProblem = '';
      options.renewed(served);
      options.logger.info(
        { fingerprint: fingerprintOf(served), validTo: served.leaf.validTo },
        'TLS certificate renewed from its files',
      );
    } catch (error) {
      const problem = (error as Error).message;
      // A file missing for a while mid-renewal is one problem, not one a minute.
      if (problem === lastProblem) return;
      lastProblem = problem;
      options.logger.error(
        { err: problem },
        'renewed TLS certificate files are unusable: still serving the previous certificate',
      );
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(check, options.checkMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
