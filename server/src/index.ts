// Process entry: `npm start` runs this after setup. Everything else is built by createApp.
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const app = await createApp(config, { logger });
const address = await app.listen();
logger.info({ url: `http://${address.address}:${address.port}/` }, 'Plenary is serving');
process.stdout.write(`\n  Plenary is running: open http://localhost:${address.port}/ in a browser\n\n`);

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
