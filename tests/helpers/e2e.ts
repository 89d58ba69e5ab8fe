/**
 * The bot as a real process for end-to-end tests and the benchmark: `node scripts/run.mjs main` (what
 * `npm start` runs) with BOT_TOKEN and TELEGRAM_API_ROOT pointing at a Bot API emulator. Its output is
 * collected; its exit is awaited with a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tempDir } from './temp-dir.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** A token of the right shape for tests (the emulator accepts only the one it was created with). */
export const E2E_TOKEN = '7000000001:AAE2e_TestTokenForTheEmulatorOnly-xyz';

export interface BotProcess {
  readonly child: ChildProcess;
  /** `Date.now()` just before the process was spawned. */
  readonly spawnedAt: number;
  /** Everything the process wrote so far, stdout then stderr interleaved as received. */
  output(): string;
  /** Resolves when the process exits, with its code or signal and the time (`Date.now()`). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * Starts the bot process. Only the given variables (plus PATH and HOME) are passed, so a developer's
 * environment or `.env` cannot change the test: every variable the bot reads is set explicitly.
 * @example
 * const bot = spawnBot({ BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
 */
export function spawnBot(env: Record<string, string>, entry: readonly string[] = ['scripts/run.mjs', 'main']): BotProcess {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BOT_TOKEN: '',
      TELEGRAM_API_ROOT: '',
      LOG_LEVEL: 'info',
      RATE_LIMIT_MESSAGES: '20',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      SESSION_TTL_MINUTES: '60',
      // ("typing…" before every reply, so that the tests see it; the default sends it only when slow)
      TYPING_DELAY_MS: '0',
      BOT_MODE: '',
      HOST: '',
      PORT: '',
      WEBHOOK_SECRET: '',
      WEBHOOK_URL: '',
      REDIS_URL: '',
      // Declined questions go to a file of this test run, not to the project's data/.
      UNANSWERED_LOG: join(tempDir('e2e-unanswered-'), 'unanswered.jsonl'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
  // 'close' (not 'exit'): the process has exited and its output has been read to the end.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    let at = 0;
    child.once('exit', () => (at = Date.now()));
    child.once('close', (code, signal) => resolve({ code, signal, at: at || Date.now() }));
  });
  return { child, spawnedAt, output: () => output, exited };
}

/**
 * Waits for the exit, killing the process (SIGKILL) if it is still running after `timeoutMs`.
 * @example
 * const { code } = await waitForExit(bot, 5000);
 */
export async function waitForExit(bot: BotProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number; timedOut: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const result = await Promise.race([bot.exited, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    bot.child.kill('SIGKILL');
    return { ...(await bot.exited), timedOut: true };
  }
  return { ...result, timedOut: false };
}
