// Client initial JS: what the built index.html loads before anything else (its module scripts,
// modulepreload links and their static imports), gzipped. No bare baseline: the goal is absolute.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Result, round, verdict } from './lib/result.ts';

const DIST = join(import.meta.dirname, '..', 'client', 'dist');
const GOAL_KIB = 200;

export async function run(): Promise<Result> {
  const indexHtml = join(DIST, 'index.html');
  if (!existsSync(indexHtml)) throw new Error('client/dist/index.html is missing: run `npm run build:client`');
  const files = initialScripts(readFileSync(indexHtml, 'utf8'));
  const sizes = files.map((file) => {
    const source = readFileSync(join(DIST, file));
    return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  });
  const gzipKiB = sizes.reduce((sum, size) => sum + size.gzipBytes, 0) / 1024;
  return {
    name: 'client-size',
    rows: [
      {
        benchmark: 'client size',
        metric: `initial JS, gzip -9 (${files.length} file${files.length === 1 ? '' : 's'})`,
        value: round(gzipKiB),
        unit: 'KiB',
        baseline: null,
        ratio: null,
        goal: `≤ ${GOAL_KIB} KiB`,
        status: verdict(gzipKiB <= GOAL_KIB),
      },
    ],
    details: { files: sizes },
  };
}

/** Paths (relative to dist) of the JS loaded up front, following static imports between chunks. */
function initialScripts(html: string): string[] {
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => stripRoot(match[1] as string));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(join(DIST, file))) continue;
    seen.add(file);
    const source = readFileSync(join(DIST, file), 'utf8');
    // Static imports only (`import … from"./x.js"`, `import"./x.js"`): a dynamic `import(` loads later.
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = match[1] as string;
      queue.push(target.startsWith('/') ? stripRoot(target) : posix.join(dirname(file), target));
    }
  }
  return [...seen];
}

const stripRoot = (path: string): string => path.replace(/^\//, '');
