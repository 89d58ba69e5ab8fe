// Builds one entry point of src/ with esbuild when its sources changed since the last build (dist/
// is newer than src/ otherwise: no esbuild at all) and runs it in this same process, so `npm start`,
// `npm run ask` etc. run compiled JavaScript without a separate build step.
// Usage: node scripts/run.mjs <entry> [args...]
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/run.mjs <entry> [args...]');
  process.exit(2);
}
const [file] = await ensureBuilt([name]);
process.argv = [process.argv[0], file, ...rest];
// (stack traces point into dist/; `NODE_OPTIONS=--enable-source-maps` maps them back to src/)
await import(pathToFileURL(file).href);
