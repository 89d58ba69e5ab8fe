// Runs any TypeScript file of the project (bundled with esbuild into a temp file): node scripts/run-ts.mjs file.ts [args]
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [file, ...rest] = process.argv.slice(2);
mkdirSync(resolve('dist/.run-ts'), { recursive: true });
const outfile = resolve('dist/.run-ts', `${process.pid}.mjs`);
await build({ entryPoints: [resolve(file)], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'error', absWorkingDir: process.cwd() });
// (the bundle is needed only while it loads: remove it when the process ends, however it ends)
process.on('exit', () => rmSync(outfile, { force: true }));
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
