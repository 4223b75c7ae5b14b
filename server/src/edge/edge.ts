// Where browsers meet Plenary: the server the app is served by (plain http, or https with the
// certificate the TLS mode provides), the plain listener beside it, and the timers that swap in
// renewed certificates with `setSecureContext` while connections keep going.

import { readFile } from 'node:fs/promises';
import { createServer as createPlainServer, type Server as HttpServer, type RequestListener } from 'node:http';
import { createServer as createSecureServer, type Server as HttpsServer } from 'node:https';
import { join } from 'node:path';
import { assertNever } from '../domain/result.ts';
import type { Logger } from '../logger.ts';
import { AcmeCertificates, type AcmeOptions } from './acme.ts';
import { loadCertFiles, watchCertFiles } from './certFiles.ts';
import { fingerprintOf, hostNameOf, type ServedCertificate, secureOptions } from './certificate.ts';
import { Challenges, createHttpListener } from './httpListener.ts';
import { lanCertificates } from './lanCertificate.ts';
import type { TlsConfig } from './tlsConfig.ts';

/** Browsers keep to https for a year once they have seen it (not for subdomains: those are the operator's). */
export const HSTS = 'max-age=31536000';

export interface Edge {
  scheme: 'http' | 'https';
  /** the server the app's handler is served by; createApp calls this once */
  createServer(handler: RequestListener): HttpServer;
  /** the address people open, for the server listening on `port` */
  origin(port: number): string;
  /** what a person needs to know besides the links (LAN mode: how to trust its certificate) */
  notes(): string[];
  close(): Promise<void>;
}

export interface EdgeDeps {
  dataDir: string;
  /** the address the plain listener binds, as the app's own */
  host: string;
  logger: Logger;
  now?: () => number;
  /** tests shorten acme-client's waits */
  acmePatience?: AcmeOptions['patience'];
}

/** Prepares the TLS mode: certificates read, made or obtained before anything is served. */
export async function startEdge(tls: TlsConfig, deps: EdgeDeps): Promise<Edge> {
  switch (tls.kind) {
    case 'none':
      return plainEdge();
    case 'files': {
      const served = await loadCertFiles(tls);
      const secure = secureEdge(served, { hsts: true, name: undefined });
      if (tls.httpPort !== undefined) {
        const listener = createHttpListener({
          challenges: new Challenges(),
          domain: undefined,
          httpsPort: () => secure.port(),
        });
        secure.onClose(await listen(listener, tls.httpPort, deps.host));
      }
      secure.onServer((swap) => {
        const watch = watchCertFiles(tls, served, { checkMs: tls.checkMs, logger: deps.logger, renewed: swap });
        secure.onClose(async () => watch.stop());
      });
      return secure.edge;
    }
    case 'acme': {
      const challenges = new Challenges();
      let httpsPort = () => 443;
      const listener = createHttpListener({ challenges, domain: tls.domain, httpsPort: () => httpsPort() });
      const closeListener = await listen(listener, tls.httpPort, deps.host);
      try {
        const certificates = new AcmeCertificates({
          domain: tls.domain,
          directoryUrl: tls.directoryUrl,
          email: tls.email,
          directoryCa: tls.directoryCaFile ? await readDirectoryCa(tls.directoryCaFile) : undefined,
          dir: join(deps.dataDir, 'tls'),
          challenges,
          logger: deps.logger,
          now: deps.now ?? Date.now,
          ...(deps.acmePatience ? { patience: deps.acmePatience } : {}),
        });
        const secure = secureEdge(await certificates.start(), { hsts: true, name: tls.domain });
        httpsPort = secure.port;
        secure.onClose(closeListener);
        secure.onServer((swap) => {
          const timer = setInterval(async () => {
            const renewed = await certificates.renewIfDue();
            if (renewed) swap(renewed);
          }, tls.checkMs);
          timer.unref();
          secure.onClose(async () => clearInterval(timer));
        });
        return secure.edge;
      } catch (error) {
        await closeListener();
        throw error;
      }
    }
    case 'lan': {
      const lan = await lanCertificates(join(deps.dataDir, 'tls'), tls.address, (deps.now ?? Date.now)());
      deps.logger.info(
        { address: tls.address, fingerprint: fingerprintOf(lan.served), made: lan.made },
        lan.made ? 'LAN certificate made' : 'LAN certificate kept from before',
      );
      const secure = secureEdge(lan.served, { hsts: false, name: tls.address });
      secure.addNotes([
        '',
        `  The certificate is Plenary's own. Its SHA-256 fingerprint:`,
        `    ${fingerprintOf(lan.served)}`,
        '  To trust it on a device, either:',
        `    install ${lan.authorityFile} as a trusted authority once (SHA-256 ${fingerprintOf(lan.authority)}), or`,
        "    open the link, compare the fingerprint in the browser's certificate details, then choose to proceed.",
      ]);
      return secure.edge;
    }
    default:
      return assertNever(tls);
  }
}

function plainEdge(): Edge {
  return {
    scheme: 'http',
    createServer: (handler) => createPlainServer(handler),
    origin: (port) => `http://localhost:${port}`,
    notes: () => [],
    close: async () => {},
  };
}

type Swap = (served: ServedCertificate) => void;

/** An https edge serving `served` until swapped; `name` is the host in its links (else the certificate's). */
function secureEdge(served: ServedCertificate, options: { hsts: boolean; name: string | undefined }) {
  const closers: Array<() => Promise<void>> = [];
  const notes: string[] = [];
  let server: HttpsServer | undefined;
  let serverReady: ((swap: Swap) => void) | undefined;
  const name = options.name ?? hostNameOf(served) ?? 'localhost';
  const edge: Edge = {
    scheme: 'https',
    createServer: (handler) => {
      const created = createSecureServer(secureOptions(served), (request, response) => {
        if (options.hsts) response.setHeader('strict-transport-security', HSTS);
        handler(request, response);
      });
      server = created;
      serverReady?.((renewed) => created.setSecureContext(secureOptions(renewed)));
      return created;
    },
    origin: (port) => (port === 443 ? `https://${name}` : `https://${name}:${port}`),
    notes: () => notes,
    close: async () => {
      for (const close of closers.splice(0).reverse()) await close();
    },
  };
  return {
    edge,
    /** the port https listens on, once it does */
    port: (): number => {
      const address = server?.address();
      return typeof address === 'object' && address ? address.port : 443;
    },
    /** called with the certificate swap once the app has made its server */
    onServer: (ready: (swap: Swap) => void) => {
      serverReady = ready;
    },
    onClose: (close: () => Promise<void>) => {
      closers.push(close);
    },
    addNotes: (lines: string[]) => {
      notes.push(...lines);
    },
  };
}

/** Starts a plain listener; resolves to the function that closes it. */
function listen(server: HttpServer, port: number, host: string): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(
        () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      );
    });
  });
}

function readDirectoryCa(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`PLENARY_ACME_CA=${file}: cannot be read (${error.code ?? error.message})`);
  });
}
