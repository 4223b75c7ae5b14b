// Process entry: `npm start` runs this after setup. Everything else is built by createApp.
import { randomUUID } from 'node:crypto';
import { Server as TlsServer } from 'node:tls';
import { inviteLink, type WorkshopId } from '@plenary/shared';
import { createApp } from './app.ts';
import { createInvites } from './auth/invites.ts';
import { loadConfig } from './config.ts';
import { announceDomainAddress } from './edge/domainAddress.ts';
import { type Edge, startEdge } from './edge/edge.ts';
import { createLogger } from './logger.ts';

const loaded = loadConfig();
const logger = createLogger(loaded.logLevel);
const config = await announceDomainAddress(loaded).catch((error: unknown) => {
  logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'cannot announce media');
  process.exit(1);
});
// Certificates are read, made or obtained before anything listens: a bad one stops the start here.
const edge: Edge = await startEdge(config.tls, { dataDir: config.dataDir, host: config.host, logger }).catch(
  (error: unknown) => {
    logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'cannot serve https');
    process.exit(1);
  },
);
const app = await createApp(config, { logger, createServer: edge.createServer }).catch((error: unknown) => {
  logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'cannot start');
  process.exit(1);
});
const address = await app.listen();
const origin = edge.origin(address.port);
// TURN over TLS on the page's own port: an office firewall that opens only 443 lets media through.
if (app.httpServer instanceof TlsServer && app.turn.mode === 'coturn') {
  const url = `turns:${new URL(origin).hostname}:${address.port}?transport=tcp`;
  app.turn.attachTls(app.httpServer, { url });
  logger.info({ url }, 'TURN over TLS on the page port');
}
logger.info(
  { url: edge.scheme === 'http' ? `http://${address.address}:${address.port}/` : `${origin}/` },
  'Plenary is serving',
);

// A first start has a workshop ready to try; later starts print links to the newest one. With
// several nodes none makes one by itself: two starting together would make two.
const known = await app.workshops.list();
const newest =
  known.at(-1)?.id ??
  (config.cluster
    ? undefined
    : (
        await app.workshops.create({
          id: randomUUID() as WorkshopId,
          title: 'My first workshop',
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        })
      ).id);
const lines = ['', `  Plenary is running: open ${origin}/ in a browser to start a workshop`];
if (newest) {
  const invites = await createInvites(app, { id: newest });
  lines.push(
    `  or join "${known.at(-1)?.title ?? 'My first workshop'}":`,
    `    facilitator  ${inviteLink(origin, invites.facilitator)}`,
    `    delegate     ${inviteLink(origin, invites.delegate)}`,
  );
}
process.stdout.write([...lines, ...edge.notes(), '', ''].join('\n'));

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const forced = setTimeout(() => process.exit(1), 5_000);
  forced.unref();
  await app.close();
  await edge.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
