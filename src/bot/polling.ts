/**
 * Running the bot with long polling through grammY's runner: updates of different chats are handled
 * concurrently, those of one chat in order (see `sequentialize` in index.ts). Registers the profile
 * without waiting for it, stops cleanly on SIGINT/SIGTERM (finishing the updates in progress and
 * confirming them to Telegram, exit code 0 within 5 s), and turns 401 (bad token) and 409 (another
 * instance polling) into one clear log line and a non-zero exit code.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, type Bot } from 'grammy';
import type { Logger } from '../logger.ts';
import type { Engine } from '../engine/types.ts';
import { registerBotProfile } from './commands.ts';
import type { BotContext } from './context.ts';
import { ALLOWED_UPDATES, lastUpdateId } from './index.ts';
import { warmUp } from './warm-up.ts';

/** How long after polling starts the JIT warm-up begins. */
const WARM_UP_DELAY_MS = 150;

export interface RunPollingOptions {
  readonly logger: Logger;
  /** Set the commands and descriptions on start (default true). */
  readonly registerProfile?: boolean;
  /** Signals that stop the bot (default SIGINT and SIGTERM). */
  readonly signals?: readonly NodeJS.Signals[];
  /** After a stop signal, give up waiting for the updates in progress after this long (default 4,000 ms). */
  readonly stopTimeoutMs?: number;
  /** At most this many updates in progress at once (default 500). */
  readonly concurrency?: number;
  /** The engine, to warm the JIT up once polling has started (see warm-up.ts); omit to skip. */
  readonly warmUpEngine?: Engine;
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
  const { logger, registerProfile = true, signals = ['SIGINT', 'SIGTERM'], stopTimeoutMs = 4000, concurrency = 500 } = options;
  let handle: RunnerHandle | undefined;
  let stopped: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (stopped = resolve));
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'stopping: no more getUpdates; finishing the updates in progress');
    void stop(bot, handle, logger, Date.now() + stopTimeoutMs).finally(stopped);
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    // As bot.start() does: who am I, and take over from a webhook if one is set. A signal meanwhile
    // (e.g. while Telegram is unreachable and grammY keeps retrying) ends it at once.
    await Promise.race([bot.init().then(() => bot.api.deleteWebhook()), stopping]);
    if (signalled) {
      await stopping;
      return 0;
    }
    handle = run(bot, {
      runner: { silent: true, fetch: { timeout: 30, allowed_updates: [...ALLOWED_UPDATES] } },
      sink: { concurrency },
    });
    logger.info({ bot: bot.botInfo.username, startupMs: Math.round(performance.now()) }, 'polling for updates');
    // After the first getUpdates has gone out: the profile must not delay polling.
    if (registerProfile) setTimeout(() => void registerBotProfile(bot.api, logger), 0);
    if (options.warmUpEngine) {
      const engine = options.warmUpEngine;
      // (once the first getUpdates is on the wire: a slice of cold answers must not hold it back)
      setTimeout(() => {
        const started = performance.now();
        void warmUp(engine).then((answers) => logger.debug({ answers, ms: Math.round(performance.now() - started) }, 'warmed up'));
      }, WARM_UP_DELAY_MS);
    }
    await Promise.race([handle.task(), stopping]);
    if (signalled) await stopping;
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

/** Stops fetching, waits (until the deadline) for the updates in progress, then confirms them to Telegram. */
async function stop(bot: Bot<BotContext>, handle: RunnerHandle | undefined, logger: Logger, deadline: number): Promise<void> {
  if (!handle) return;
  await withDeadline(handle.stop(), deadline);
  while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (handle.size() > 0) logger.warn({ inProgress: handle.size() }, 'gave up waiting for updates in progress');
  const last = lastUpdateId(bot);
  if (last === undefined) return;
  try {
    // Confirm what was handled, so that a restart does not receive it again (as grammY's bot.stop() does).
    await withDeadline(bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }), deadline);
  } catch (error) {
    logger.warn({ err: error }, 'could not confirm the last updates to Telegram');
  }
}

async function withDeadline<T>(promise: Promise<T> | undefined, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
