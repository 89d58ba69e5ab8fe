/**
 * One shared engine per test file (loading takes a few hundred milliseconds), and a temp copy of
 * the knowledge base that a test may break on purpose.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine, type EngineInternals } from '../../src/engine/engine.ts';
import { tempDir } from './temp-dir.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const KNOWLEDGE = join(ROOT, 'knowledge');

let shared: EngineInternals | undefined;
/** The engine over the real knowledge base, created once. */
export function engine(): EngineInternals {
  shared ??= createEngine({ knowledgeDir: KNOWLEDGE });
  return shared;
}

/** A throwaway copy of knowledge/; `edit(file, fn)` rewrites one file of it. */
export function knowledgeCopy(): { dir: string; edit: (file: string, fn: (text: string) => string) => void } {
  const dir = join(tempDir('kb-'), 'knowledge');
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return {
    dir,
    edit: (file, fn) => {
      const path = join(dir, file);
      const before = readFileSync(path, 'utf8');
      const after = fn(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing: the test's search text is stale`);
      writeFileSync(path, after);
    },
  };
}
