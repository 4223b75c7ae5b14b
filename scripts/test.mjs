#!/usr/bin/env node
// `npm test [-- --long] [vitest filters…]`: set up what is missing, typecheck and lint, then run every
// Vitest project (unit, integration, e2e). `--long` runs the reliability suite's full form
// (PLENARY_LONG=1: more fuzzing, crash and reconnect trials, the soak). Node built-ins only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const long = args.includes('--long');
// The long form's soak measures memory: it shouldn't share two cores with other test files.
const vitestArgs = [...args.filter((arg) => arg !== '--long'), ...(long ? ['--no-file-parallelism'] : [])];
const env = long ? { ...process.env, PLENARY_LONG: '1' } : process.env;

function step(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, ['scripts/setup.mjs', '--for-tests']);
step('npm', ['run', '--silent', 'check']);
step('npx', ['vitest', 'run', ...vitestArgs]);
