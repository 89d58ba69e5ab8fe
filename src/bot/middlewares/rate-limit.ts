/**
 * Flood control: each user (or chat, when there is no user) may send `limit` messages or button
 * presses per window; beyond that the bot drops them and sends ONE polite notice per window (to the
 * update that went one over the limit). Counts live in a {@link RateLimitStore}: this process's memory
 * by default, Redis with `REDIS_URL` (so that instances behind a load balancer share them). Keys are
 * HMACs of the id, and a key is forgotten once its window is over.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { MiddlewareFn } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';

/** One more update counted in a key's current window. */
export interface RateLimitHit {
  /** Updates counted in the window so far, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends. */
  readonly resetInMs: number;
}

/**
 * Where the counts are kept.
 * @example
 * const store: RateLimitStore = createMemoryRateLimitStore();
 * await store.hit('k', 10_000); // { count: 1, resetInMs: 10000 }
 */
export interface RateLimitStore {
  /** Counts one update for `key`; a new window of `windowMs` starts when none is running. */
  hit(key: string, windowMs: number): Promise<RateLimitHit> | RateLimitHit;
}

export interface RateLimitOptions {
  /** Updates allowed per key and window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Default: {@link createMemoryRateLimitStore}. */
  readonly store?: RateLimitStore;
  /**
   * The HMAC key for the ids. Default: random per process, which is right for memory; a shared store
   * needs the same secret on every instance (createBot passes the bot token).
   */
  readonly secret?: string | Buffer;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * Fixed windows in a map; ended windows are swept as time goes on, so memory is bounded by the users
 * active in one window.
 * @example
 * rateLimit({ limit: 20, windowMs: 10_000, store: createMemoryRateLimitStore() });
 */
export function createMemoryRateLimitStore(options: { readonly now?: () => number } = {}): RateLimitStore & { readonly size: number } {
  const { now = Date.now } = options;
  const windows = new Map<string, { start: number; windowMs: number; count: number }>();
  let lastSweep = now();
  return {
    hit(key, windowMs) {
      const t = now();
      if (t - lastSweep >= windowMs) {
        for (const [k, w] of windows) if (t - w.start >= w.windowMs) windows.delete(k);
        lastSweep = t;
      }
      let window = windows.get(key);
      if (!window || t - window.start >= window.windowMs) {
        window = { start: t, windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.start + window.windowMs - t };
    },
    get size() {
      return windows.size;
    },
  };
}

/**
 * The key of an id: an HMAC-SHA256 under `secret`, so that no store holds a user or chat id.
 * @example
 * rateLimitKey(731004211, token); // 'Qm3…' (22 characters)
 */
export function rateLimitKey(id: number, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(`rate:${id}`).digest('base64url').slice(0, 22);
}

/**
 * The rate-limiting middleware. Applies to messages, edited messages and callback queries; other
 * updates (inline queries, which Telegram already caches and throttles) pass untouched.
 * @example
 * bot.use(rateLimit({ limit: 20, windowMs: 10_000 }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> & { readonly tracked: () => number } {
  const { limit, windowMs } = options;
  const memory = options.store ? undefined : createMemoryRateLimitStore(options.now ? { now: options.now } : {});
  const store = options.store ?? (memory as RateLimitStore);
  const secret = options.secret ?? randomBytes(32);

  const middleware = async (ctx: BotContext, next: () => Promise<void>) => {
    if (!ctx.message && !ctx.editedMessage && !ctx.callbackQuery) return next();
    const id = ctx.from?.id ?? ctx.chatId;
    if (id === undefined) return next();
    const { count, resetInMs } = await store.hit(rateLimitKey(id, secret), windowMs);
    if (count <= limit) return next();
    if (count > limit + 1) {
      ctx.logger.debug('rate limited (dropped)');
      return;
    }
    ctx.logger.info({ limit, windowMs }, 'rate limited (notice sent)');
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: botText.rateLimited(seconds) });
    else if (ctx.chat) await ctx.reply(botText.rateLimited(seconds));
  };
  return Object.assign(middleware, { tracked: () => memory?.size ?? 0 });
}
