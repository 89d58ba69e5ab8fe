// Bundles one or all entry points of src/ into dist/ with esbuild (dependencies stay external).
// Usage: node scripts/build.mjs [entry ...]   (entries: see ENTRIES; default: all)
import { build } from 'esbuild';
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
 * Builds the named entries into dist/<name>.js and returns their absolute paths.
 * @param {string[]} names
 */
export async function buildEntries(names) {
  const unknown = names.filter((n) => !(n in ENTRIES));
  if (unknown.length) throw new Error(`unknown entry: ${unknown.join(', ')} (known: ${Object.keys(ENTRIES).join(', ')})`);
  await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, join(root, ENTRIES[n])])),
    outdir: join(root, 'dist'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return names.map((n) => join(root, 'dist', `${n}.js`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { existsSync } = await import('node:fs');
  const names = process.argv.slice(2);
  const all = Object.keys(ENTRIES).filter((n) => existsSync(join(root, ENTRIES[n])));
  await buildEntries(names.length ? names : all);
}
