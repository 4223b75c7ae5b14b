// `npm run bench`: runs each benchmark in turn (`--only name[,name]` for some), prints a table and
// writes bench/results/latest.json. Figures are compared with a bare baseline measured in the same
// run; a missed goal is reported, not fatal. Exits non-zero only when a benchmark could not run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Result, Row } from './lib/result.ts';

type Benchmark = () => Promise<Result>;

const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  'breakout-move': async () => (await import('./breakoutMove.ts')).run,
  'fan-out': async () => (await import('./fanOut.ts')).run,
  'sfu-cost': async () => (await import('./sfuCost.ts')).run,
  'pipe-cost': async () => (await import('./pipeCost.ts')).run,
  'join-to-audio': async () => (await import('./joinToAudio.ts')).run,
  'turn-tls': async () => (await import('./turnTls.ts')).run,
  'room-switch': async () => (await import('./roomSwitch.ts')).run,
  'idle-memory': async () => (await import('./idleMemory.ts')).run,
  'client-size': async () => (await import('./clientSize.ts')).run,
  'notes-round-trip': async () => (await import('./notesRoundTrip.ts')).run,
  'report-export': async () => (await import('./exportReport.ts')).run,
};

function selected(argv: readonly string[]): string[] {
  const at = argv.indexOf('--only');
  if (at === -1) return Object.keys(BENCHMARKS);
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes one or more of: ${Object.keys(BENCHMARKS).join(', ')}`);
  }
  return names;
}

const cell = (value: number | null, unit = ''): string => (value === null ? '—' : `${value}${unit ? ` ${unit}` : ''}`);

function printTable(rows: readonly Row[]): void {
  const header = ['benchmark', 'metric', 'value', 'baseline', 'ratio', 'goal', 'status'];
  const lines = rows.map((row) => [
    row.benchmark,
    row.metric,
    cell(row.value, row.unit),
    cell(row.baseline, row.baseline === null ? '' : row.unit),
    row.ratio === null ? '—' : `${row.ratio}×`,
    row.goal,
    row.note ? `${row.status} (${row.note})` : row.status,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (line: string[]) => line.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' │ ');
  process.stdout.write(`\n${format(header)}\n${widths.map((width) => '─'.repeat(width)).join('─┼─')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  process.stdout.write('\n');
}

const names = selected(process.argv.slice(2));
const results: Result[] = [];
let failed = false;
for (const name of names) {
  const started = performance.now();
  process.stdout.write(`▶ ${name} … `);
  try {
    const benchmark = await (BENCHMARKS[name] as () => Promise<Benchmark>)();
    const result = await benchmark();
    results.push(result);
    process.stdout.write(`${Math.round((performance.now() - started) / 1000)} s\n`);
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`failed: ${message}\n`);
    const row: Row = {
      benchmark: name,
      metric: 'could not run',
      value: null,
      unit: '',
      baseline: null,
      ratio: null,
      goal: '—',
      status: 'failed',
      note: message.split('\n')[0]?.slice(0, 160) ?? '',
    };
    results.push({ name, rows: [row], details: { error: message } });
  }
}

const rows = results.flatMap((result) => result.rows);
printTable(rows);
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const report = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  rows,
  details: Object.fromEntries(results.map((result) => [result.name, result.details])),
};
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`written: ${join('bench', 'results', 'latest.json')}\n`);
// Sockets, browsers and workers are closed by each benchmark; exit without waiting for stray timers.
process.exit(failed ? 1 : 0);
