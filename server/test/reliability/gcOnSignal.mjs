// Preloaded (NODE_OPTIONS=--import=…) into a server process by the soak test and the memory
// benchmark: SIGUSR2 runs a full garbage collection, so RSS is read after GC has settled. The
// server itself carries no such hook.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
process.on('SIGUSR2', () => collect());
