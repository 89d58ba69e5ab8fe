/**
 * The Telegram front end: `createBot` wires the middleware and features around the engine and returns
 * a grammY `Bot` that is not started (see polling.ts for that). Nothing runs on import.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, session, type StorageAdapter } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { UnansweredRecorder } from '../unanswered/recorder.ts';
import { createApiFetch, keepAliveAgent, type ApiFetch } from './api-fetch.ts';
import { createContextConstructor, type BotContext } from './context.ts';
import { askFeature } from './features/ask.ts';
import { helpFeature } from './features/help.ts';
import { inlineFeature } from './features/inline.ts';
import { meetingsFeature } from './features/meetings.ts';
import { privacyFeature } from './features/privacy.ts';
import { sourcesFeature } from './features/sources.ts';
import { startFeature } from './features/start.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { handleError } from './handlers/error.ts';
import { onlyAddressedInGroups } from './middlewares/addressed.ts';
import { rateLimit, type RateLimitStore } from './middlewares/rate-limit.ts';
import { typingWhileComposing } from './middlewares/typing.ts';
import { recordUnanswered } from './middlewares/unanswered.ts';
import { logUpdates } from './middlewares/update-logger.ts';
import { QuestionTable } from './question-table.ts';
import { createMemoryStorage, sessionKey, type SessionData } from './session.ts';
import { skipDuplicateUpdates, type UpdateGate } from './update-gate.ts';

export type { BotContext } from './context.ts';
export type { SessionData } from './session.ts';

export interface CreateBotOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly engine: Engine;
  /** Where sessions live (default: in memory, expiring after `config.sessionTtlMinutes`). */
  readonly sessionStorage?: StorageAdapter<SessionData>;
  /** Where rate-limit counts live (default: in memory). A shared store gets keys HMACed with the token. */
  readonly rateLimitStore?: RateLimitStore;
  /** Skip updates whose id was seen already (long polling; the webhook server checks before grammY). */
  readonly updateGate?: UpdateGate;
  /** Where declined questions go; omit to keep none. */
  readonly unanswered?: UnansweredRecorder;
  /** The bot's own user, to skip `getMe` (tests, or a cached value). */
  readonly botInfo?: UserFromGetMe;
}

/**
 * The update types the bot handles (pass to `bot.start({ allowed_updates })`).
 * @example
 * bot.start({ allowed_updates: ALLOWED_UPDATES });
 */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const;

/** Node's own fetch, for the calls the lean one leaves (uploads: none in this bot). */
const globalFetch: ApiFetch = (url, init) => fetch(url, init as RequestInit);

const lastSeen = new WeakMap<object, number>();

/**
 * The id of the newest update the bot has started to handle (to confirm it to Telegram on stop).
 * @example
 * await bot.api.getUpdates({ offset: (lastUpdateId(bot) ?? -1) + 1, limit: 1, timeout: 0 });
 */
export function lastUpdateId(bot: Bot<BotContext>): number | undefined {
  return lastSeen.get(bot);
}

/**
 * Builds the bot. It does not start it: call `runPolling(bot, …)` (or `bot.handleUpdate` in tests).
 * @example
 * const bot = createBot(config.botToken, { config, logger, engine: createEngine() });
 * await runPolling(bot, { logger });
 */
export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const { config, logger, engine } = options;
  const questions = new QuestionTable(engine.examples(100));
  const bot = new Bot<BotContext>(token, {
    ContextConstructor: createContextConstructor({ engine, config, logger, questions, ...(options.unanswered ? { unanswered: options.unanswered } : {}) }),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}),
      // (grammY types `fetch` as node-fetch's; ours takes and returns the part grammY uses)
      fetch: createApiFetch(keepAliveAgent(config.telegramApiRoot), globalFetch) as never,
    },
  });

  // Retry 429 (after retry_after), 5xx and network errors, a bounded number of times.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  bot.use((ctx, next) => {
    if (ctx.update.update_id > (lastSeen.get(bot) ?? -1)) lastSeen.set(bot, ctx.update.update_id);
    return next();
  });
  if (options.updateGate) bot.use(skipDuplicateUpdates(options.updateGate));
  // Updates of one chat (or, outside chats, of one user) are handled in order, others concurrently.
  bot.use(sequentialize((ctx: BotContext) => (ctx.chatId !== undefined ? `c${ctx.chatId}` : ctx.from ? `u${ctx.from.id}` : undefined)));
  bot.use(logUpdates());
  bot.use(recordUnanswered());
  bot.use(onlyAddressedInGroups());
  bot.use(
    rateLimit({
      limit: config.rateLimitMessages,
      windowMs: config.rateLimitWindowSeconds * 1000,
      ...(options.rateLimitStore ? { store: options.rateLimitStore, secret: token } : {}),
    }),
  );
  bot.use(typingWhileComposing(config.typingDelayMs));
  const storage = options.sessionStorage ?? createMemoryStorage<SessionData>({ ttlMs: config.sessionTtlMinutes * 60_000 });
  bot.use(
    // No initial value: a chat has a session entry only once it has asked about a meeting.
    session<SessionData | undefined, BotContext>({
      getSessionKey: (ctx) => (ctx.chatId === undefined ? undefined : sessionKey(ctx.chatId, token)),
      storage: storage as StorageAdapter<SessionData | undefined>,
    }),
  );
  bot.errorBoundary(
    handleError,
    startFeature,
    helpFeature,
    meetingsFeature,
    sourcesFeature,
    privacyFeature,
    askFeature,
    inlineFeature,
    unhandledFeature,
  );
  bot.catch(handleError);
  return bot;
}
