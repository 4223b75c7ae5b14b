// Throwaway PostgreSQL and Redis servers for the cluster and media-mesh tests: started from the
// Debian packages' binaries (scripts/setup.mjs --for-tests installs them), on loopback, on free
// ports, in a temporary directory, with durability off (a test database never outlives its run).
// Each is started through `setpriv --pdeathsig`, so if the test process dies without stopping
// them, the kernel stops them.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Engine {
  url: string;
  /** from spawning to the first answer, in ms (initdb included for PostgreSQL) */
  startupMs: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A temporary directory for one engine, marked with the test process's pid. Directories left by
 * test runs that were killed (their engines died with them) are removed on the way.
 */
export function engineDir(kind: 'pg' | 'redis' | 'pebble'): string {
  const prefix = `plenary-${kind}-`;
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(prefix)) continue;
    const owner = join(tmpdir(), entry, 'owner.pid');
    const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : Number.NaN;
    if (Number.isInteger(pid) && !alive(pid)) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  return dir;
}

/** A port free right now on loopback (the engine binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The newest PostgreSQL server binaries Debian installed (postgresql-NN puts them here). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) throw new Error('PostgreSQL is not installed: run `node scripts/setup.mjs --for-tests` (as root)');
  return join(root, newest, 'bin');
}

/**
 * PostgreSQL refuses to run as root. Run as root, the server runs as Debian's `postgres` user;
 * otherwise as whoever runs the tests.
 */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      'running as root, but there is no `postgres` user to run PostgreSQL as (apt-get install postgresql)',
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** `setpriv` wraps a program: the kernel sends it `signal` when we die; optionally another user. */
export function guarded(
  command: string,
  args: string[],
  signal: 'INT' | 'TERM',
  user: { uid: number; gid: number } | null,
): [string, string[]] {
  const identity = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'] : [];
  return ['setpriv', [...identity, `--pdeathsig=${signal}`, '--', command, ...args]];
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(timer);
}

export async function waitFor(what: string, child: ChildProcess, log: () => string, ready: () => Promise<boolean>) {
  const deadline = Date.now() + 30_000;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${log()}`);
    if (Date.now() > deadline) throw new Error(`${what} did not start within 30 s: ${log()}`);
    await sleep(25);
  }
}

export async function startPostgres(): Promise<Engine> {
  const started = Date.now();
  const bin = postgresBinDir();
  const user = runAs();
  const dir = engineDir('pg');
  if (user) spawnSync('chown', [`${user.uid}:${user.gid}`, dir]);
  const data = join(dir, 'data');
  const [initCommand, initArgs] = guarded(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'plenary', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    'TERM',
    user,
  );
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=300'];
  const [command, args] = guarded(
    join(bin, 'postgres'),
    ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])],
    'INT',
    user,
  );
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  const url = `postgres://plenary@127.0.0.1:${port}/postgres`;
  await waitFor(
    'PostgreSQL',
    child,
    () => log,
    async () => {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        return false;
      }
    },
  );
  return {
    url,
    startupMs: Date.now() - started,
    stop: async () => {
      await stopChild(child, 'SIGINT'); // fast shutdown: connections are closed, not waited for
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startRedis(): Promise<Engine> {
  const started = Date.now();
  const dir = engineDir('redis');
  const port = await freePort();
  const [command, args] = guarded(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    'TERM',
    null,
  );
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  await waitFor(
    'Redis',
    child,
    () => log,
    () => pingRedis(port),
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    startupMs: Date.now() - started,
    stop: async () => {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/** A fresh, empty database on the test server, for one test's store. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
