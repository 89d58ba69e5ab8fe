// Bundles one or all entry points of src/ into dist/ with esbuild (dependencies stay external).
// Usage: node scripts/build.mjs [entry ...]   (entries: see ENTRIES; default: all)
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry name → TypeScript source, relative to the project root. */
export const ENTRIES = {
  main: 'src/main.ts',
  ask: 'src/cli/ask.ts',
  'kb-check': 'src/cli/kb-check.ts',
  'kb-gaps': 'src/cli/kb-gaps.ts',
  eval: 'src/cli/eval.ts',
  bench: 'src/cli/bench.ts',
  'bench-bot': 'src/cli/bench-bot.ts',
  'bench-webhook': 'src/cli/bench-webhook.ts',
};

/**
 * The newest modification time (ms) of everything a build depends on: src/, the lockfile, this script.
 * @returns {number}
 */
export function sourcesMtime() {
  let newest = 0;
  const visit = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs); // a file added or removed
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, 'src'));
  for (const file of ['package-lock.json', 'package.json', 'scripts/build.mjs']) {
    try {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    } catch {
      // absent: nothing to compare
    }
  }
  return newest;
}

/**
 * The built file of each named entry, building only those older than their sources (so a start
 * after the first one skips esbuild entirely).
 * @param {string[]} names
 */
export async function ensureBuilt(names) {
  const files = names.map((n) => join(root, 'dist', `${n}.js`));
  const newest = sourcesMtime();
  const stale = names.filter((n, i) => {
    try {
      return statSync(files[i]).mtimeMs < newest;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) await buildEntries(stale);
  return files;
}

/**
 * Builds the named entries into dist/<name>.js and returns their absolute paths.
 * @param {string[]} names
 */
export async function buildEntries(names) {
  const unknown = names.filter((n) => !(n in ENTRIES));
  if (unknown.length) throw new Error(`unknown entry: ${unknown.join(', ')} (known: ${Object.keys(ENTRIES).join(', ')})`);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, join(root, ENTRIES[n])])),
    outdir: join(root, 'dist'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'error',
    write: false,
  });
  // write each file next to its place and rename it there: a process starting meanwhile (tests start
  // several at once) reads either the old or the new file, never half of one
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return names.map((n) => join(root, 'dist', `${n}.js`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { existsSync } = await import('node:fs');
  const names = process.argv.slice(2);
  const all = Object.keys(ENTRIES).filter((n) => existsSync(join(root, ENTRIES[n])));
  await buildEntries(names.length ? names : all);
}
