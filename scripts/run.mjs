// Builds one entry point of src/ with esbuild (a few milliseconds) and runs it in this same process,
// so `npm start`, `npm run ask` etc. run compiled JavaScript without a separate build step.
// Usage: node scripts/run.mjs <entry> [args...]
import { pathToFileURL } from 'node:url';
import { buildEntries } from './build.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/run.mjs <entry> [args...]');
  process.exit(2);
}
const [file] = await buildEntries([name]);
process.argv = [process.argv[0], file, ...rest];
process.enableSourceMaps?.();
await import(pathToFileURL(file).href);
