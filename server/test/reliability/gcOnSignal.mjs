// Preloaded (NODE_OPTIONS=--import=…) into a server process by the soak test and the memory
// benchmark: SIGUSR2 runs a full garbage collection, so RSS is read after GC has settled. With
// PLENARY_GC_REPORT set, it then writes `process.memoryUsage()` as JSON to that file, for figures
// finer than RSS (V8's heap and the memory it tracks outside it). The server carries no such hook.
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const report = process.env.PLENARY_GC_REPORT;
process.on('SIGUSR2', () => {
  collect();
  if (report) writeFileSync(report, JSON.stringify(process.memoryUsage()));
});
