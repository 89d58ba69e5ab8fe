/**
 * Temporary directories for tests, removed when the test file ends (see tests/setup.ts): a test run
 * leaves nothing behind in the system's temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/**
 * A new empty directory under the system's temp directory, removed after the test file.
 * @example
 * const log = join(tempDir('gaps-'), 'unanswered.jsonl');
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every directory `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
