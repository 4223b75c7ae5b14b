#!/usr/bin/env node
// Brings a clone from bare to runnable, skipping every step that is already done, so that
// `npm start` and `npm test` work on a fresh Debian machine and are fast the second time.
// Only Node built-ins here: this runs before any npm package is installed.
//
//   node scripts/setup.mjs              what `npm start` needs (packages, worker, client build)
//   node scripts/setup.mjs --for-tests  also what tests need (Chromium; PostgreSQL, Redis, pebble and
//                                       coturn, whose binaries the tests start as throwaway servers)
// With PLENARY_TURN=auto, `npm start` also installs coturn, the TURN server Plenary then runs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const forTests = process.argv.includes('--for-tests');
const workerPath = join(root, 'node_modules/mediasoup/worker/out/Release/mediasoup-worker');
const installStamp = join(root, 'node_modules/.plenary-install');
const buildStamp = join(root, 'client/dist/.plenary-build');
// Debian packages the test run needs beyond the worker's own (build-worker.sh installs those).
// The cluster tests run their own PostgreSQL and Redis, the edge tests their own ACME CA (pebble) and
// the TURN tests their own coturn, from these packages' binaries (nothing is configured or started
// system-wide for them). The network tests firewall and drop packets in their own namespaces with nft.
const testDebs = [
  'chromium',
  'fonts-liberation',
  'fonts-noto-cjk',
  'postgresql',
  'redis-server',
  'pebble',
  'coturn',
  'nftables',
];
const turnDebs = ['coturn'];

const say = (message) => process.stdout.write(`[setup] ${message}\n`);

/** Runs a command with its output shown, printing a heartbeat so a long step never looks hung. */
function run(title, command, args, env = {}) {
  const started = Date.now();
  say(`${title}…`);
  const heartbeat = setInterval(
    () => say(`  …${title} still running (${Math.round((Date.now() - started) / 1000)} s)`),
    30_000,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(heartbeat);
      if (code === 0) {
        say(`${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`${title} failed (exit ${code})`));
    });
  });
}

function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else hash.update(relative(root, path)).update(readFileSync(path));
  };
  for (const path of paths) visit(join(root, path));
  return hash.digest('hex');
}

const stampMatches = (file, value) => existsSync(file) && readFileSync(file, 'utf8') === value;

function missingDebs(names) {
  return names.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a JS template
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !query.stdout?.includes('ok installed');
  });
}

async function aptInstall(names) {
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${names.join(' ')} (run as root, or apt-get install them)`);
  }
  await run('apt-get update', 'apt-get', ['update', '-qq']);
  await run(
    `apt-get install ${names.join(' ')}`,
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...names],
    {
      DEBIAN_FRONTEND: 'noninteractive',
    },
  );
}

async function ensureNodePackages() {
  const want = `${hashOf(['package-lock.json'])} node ${process.version}`;
  if (stampMatches(installStamp, want)) return say('npm packages: up to date');
  // MEDIASOUP_WORKER_BIN makes mediasoup's postinstall skip its downloads; the worker is built below.
  await run('npm ci (first run compiles better-sqlite3: ~2 min)', 'npm', ['ci', '--no-audit', '--no-fund'], {
    MEDIASOUP_WORKER_BIN: workerPath,
  });
  writeFileSync(installStamp, want);
}

function workerLibrariesResolve() {
  const ldd = spawnSync('ldd', [workerPath], { encoding: 'utf8' });
  return ldd.status === 0 && !ldd.stdout.includes('not found');
}

async function ensureMediasoupWorker() {
  if (existsSync(workerPath) && workerLibrariesResolve()) return say('mediasoup worker: present');
  // The recipe caches the binary under ~/.cache/plenary keyed by version and recipe: ~7 min cold, ~1 s warm.
  await run('mediasoup worker (cold build ~7 min, cached afterwards)', 'bash', [
    'scripts/mediasoup/build-worker.sh',
    'node_modules/mediasoup',
  ]);
  if (!workerLibrariesResolve()) {
    // A cached binary on a machine that lost its runtime libraries: reinstall them.
    await aptInstall(['libssl3', 'libuv1', 'libsrtp2-1', 'libusrsctp2', 'libabsl20220623']);
  }
}

async function ensureClientBuild() {
  const want = hashOf(['client', 'shared/src', 'vite.config.ts', 'package-lock.json']);
  if (stampMatches(buildStamp, want)) return say('client build: up to date');
  await run('client build (vite)', 'npx', [
    'vite',
    'build',
    'client',
    '--config',
    'vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  writeFileSync(buildStamp, want);
}

async function ensureTestTools() {
  const missing = missingDebs(testDebs);
  if (missing.length === 0)
    return say(`test tools (${testDebs.slice(0, 1).concat(testDebs.slice(3)).join(', ')}): present`);
  await aptInstall(missing);
  if (missing.includes('coturn')) stopDebianTurnService();
}

async function ensureTurnServer() {
  const missing = missingDebs(turnDebs);
  if (missing.length === 0) return say('TURN server (coturn): present');
  await aptInstall(missing);
  stopDebianTurnService();
}

/**
 * Debian starts coturn as a service when it is installed, with its stock config: no authentication
 * (an open relay) on port 3478. Plenary runs its own coturn, so the service it just installed is
 * stopped and disabled; a coturn that was there before is left as the operator set it up.
 */
function stopDebianTurnService() {
  if (!existsSync('/run/systemd/system')) return;
  const stopped = spawnSync('systemctl', ['disable', '--now', 'coturn.service'], { encoding: 'utf8' });
  say(
    stopped.status === 0
      ? "Debian's coturn service: stopped and disabled (Plenary runs its own)"
      : `systemctl: ${stopped.stderr}`,
  );
}

async function main() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) throw new Error(`Node >= 20.19 needed, found ${process.version}`);
  const started = Date.now();
  await ensureNodePackages();
  await ensureMediasoupWorker();
  await ensureClientBuild();
  if (forTests) await ensureTestTools();
  else if (process.env.PLENARY_TURN === 'auto') await ensureTurnServer();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  say(`FAILED: ${error.message}`);
  process.exit(1);
});
