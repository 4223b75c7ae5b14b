// Process entry: `npm start` runs this after setup. Everything else is built by createApp.
import { randomUUID } from 'node:crypto';
import { inviteLink, type WorkshopId } from '@plenary/shared';
import { createApp } from './app.ts';
import { createInvites } from './auth/invites.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const app = await createApp(config, { logger });
const address = await app.listen();
const origin = `http://localhost:${address.port}`;
logger.info({ url: `http://${address.address}:${address.port}/` }, 'Plenary is serving');

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
process.stdout.write([...lines, '', ''].join('\n'));

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const forced = setTimeout(() => process.exit(1), 5_000);
  forced.unref();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
