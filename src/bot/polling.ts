/**
 * Running the bot with long polling: registers the profile without waiting for it, stops cleanly on
 * SIGINT/SIGTERM (exit code 0 within 5 s), and turns 401 (bad token) and 409 (another instance
 * polling) into one clear log line and a non-zero exit code.
 */
import { GrammyError, type Bot } from 'grammy';
import type { Logger } from '../logger.ts';
import { registerBotProfile } from './commands.ts';
import type { BotContext } from './context.ts';
import { ALLOWED_UPDATES } from './index.ts';

export interface RunPollingOptions {
  readonly logger: Logger;
  /** Set the commands and descriptions on start (default true). */
  readonly registerProfile?: boolean;
  /** Signals that stop the bot (default SIGINT and SIGTERM). */
  readonly signals?: readonly NodeJS.Signals[];
  /** After a stop signal, give up waiting for in-flight updates after this long (default 4,000 ms). */
  readonly stopTimeoutMs?: number;
}

/**
 * Telegram refused to let the bot poll: a bad token (401) or another instance polling (409).
 * @example
 * if (error instanceof PollingRefusedError) logger.fatal(error.message);
 */
export class PollingRefusedError extends Error {
  override readonly name = 'PollingRefusedError';
  /** Telegram's error code: 401 or 409. */
  readonly code: 401 | 409;
  constructor(code: 401 | 409) {
    super(
      code === 401
        ? 'Telegram rejected BOT_TOKEN (401 Unauthorized): copy the current token from @BotFather into BOT_TOKEN (or .env) and start again.'
        : 'Another instance of this bot is already receiving updates (409 Conflict): stop the other process (or remove its webhook) and start again.',
    );
    this.code = code;
  }
}

/**
 * Polls until a stop signal (resolves 0) or until Telegram refuses (resolves 1 after logging one line).
 * Other failures reject.
 * @example
 * process.exitCode = await runPolling(createBot(token, deps), { logger });
 */
export async function runPolling(bot: Bot<BotContext>, options: RunPollingOptions): Promise<number> {
  const { logger, registerProfile = true, signals = ['SIGINT', 'SIGTERM'], stopTimeoutMs = 4000 } = options;
  let giveUp: () => void = () => undefined;
  const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no more getUpdates; finishing the updates in progress');
    // bot.stop() ends the polling loop once the current updates are handled; do not wait longer than the timeout.
    setTimeout(giveUp, stopTimeoutMs).unref();
    bot.stop().catch((error: unknown) => logger.warn({ err: error }, 'could not confirm the last updates to Telegram'));
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const polling = bot.start({
      allowed_updates: [...ALLOWED_UPDATES],
      onStart: (me) => {
        logger.info({ bot: me.username, startupMs: Math.round(performance.now()) }, 'polling for updates');
        // After the first getUpdates has gone out: the profile must not delay polling.
        if (registerProfile) setTimeout(() => void registerBotProfile(bot.api, logger), 0);
      },
    });
    await Promise.race([polling, gaveUp]);
    logger.info('stopped');
    return 0;
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) {
      logger.fatal({ code: error.error_code }, new PollingRefusedError(error.error_code).message);
      return 1;
    }
    throw error;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}
