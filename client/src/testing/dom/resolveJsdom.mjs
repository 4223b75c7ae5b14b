// A Node resolve hook (see node20.mjs): `jsdom`, when nothing else finds it, is the client's copy.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const clientRequire = createRequire(new URL('../../../package.json', import.meta.url));

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (specifier !== 'jsdom') throw error;
    return nextResolve(pathToFileURL(clientRequire.resolve('jsdom')).href, context);
  }
}
