/**
 * Runs a command-line entry point: a known problem (bad knowledge file, bad configuration) prints
 * one line to stderr and exits non-zero; anything else prints the stack.
 */
import { KnowledgeError } from '../engine/knowledge/errors.ts';

/** An error whose message is meant for the person running the command (one line, no stack). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/**
 * @example
 * await runMain(async () => { doWork(); return 0; });
 */
export async function runMain(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof KnowledgeError || error instanceof UserFacingError || (error as { name?: string }).name === 'ConfigError') {
      process.stderr.write(`${(error as Error).message}\n`);
    } else {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
