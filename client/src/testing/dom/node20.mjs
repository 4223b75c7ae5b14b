// Loaded into every unit-test worker (`execArgv` in vite.config.ts) so `// @vitest-environment jsdom`
// works here. Two gaps, both gone on a later setup:
// 1. jsdom is a dependency of the client workspace only (client/node_modules), and Vitest imports
//    it from its own folder: a resolve hook points the bare name `jsdom` at the client's copy.
// 2. jsdom 31 (and its undici) expect Node 22. On Node 20 the iterator helpers are missing (added
//    here, in every realm jsdom makes), and two names undici only touches when it loads: jsdom never
//    decompresses zstd or clones across workers in these tests, so stand-ins do.
// Every stand-in is set only where the name is missing, so on Node 22 this file changes nothing.
import { register } from 'node:module';
import vm from 'node:vm';
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';
import { iteratorHelpersSource } from './iteratorHelpers.mjs';

zlib.createZstdDecompress ??= () => {
  throw new Error('zstd decompression needs Node 22');
};
workerThreads.markAsUncloneable ??= () => undefined;
if (globalThis.Iterator === undefined) {
  vm.runInThisContext(iteratorHelpersSource);
  // jsdom's window is a fresh realm (a vm context) that copies `Iterator` in: it needs them there too.
  const createContext = vm.createContext;
  vm.createContext = (...args) => {
    const context = createContext(...args);
    vm.runInContext(iteratorHelpersSource, context);
    return context;
  };
}

register('./resolveJsdom.mjs', import.meta.url);
