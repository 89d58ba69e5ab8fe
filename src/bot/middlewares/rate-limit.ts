/**
 * Flood control: each user (or chat, when there is no user) may send `limit` messages or button
 * presses per window; beyond that the bot drops them and sends ONE polite notice per window. Keys are
 * HMACs of the id under a per-process random secret, and a key is forgotten once its window is over.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { MiddlewareFn } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';

export interface RateLimitOptions {
  /** Updates allowed per key and window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

interface Window {
  readonly start: number;
  count: number;
  notified: boolean;
}

/**
 * The rate-limiting middleware. Applies to messages, edited messages and callback queries; other
 * updates (inline queries, which Telegram already caches and throttles) pass untouched.
 * @example
 * bot.use(rateLimit({ limit: 20, windowMs: 10_000 }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> & { readonly tracked: () => number } {
  const { limit, windowMs, now = Date.now } = options;
  const secret = randomBytes(32);
  const windows = new Map<string, Window>();
  let lastSweep = now();

  const middleware = async (ctx: BotContext, next: () => Promise<void>) => {
    if (!ctx.message && !ctx.editedMessage && !ctx.callbackQuery) return next();
    const id = ctx.from?.id ?? ctx.chatId;
    if (id === undefined) return next();
    const t = now();
    if (t - lastSweep >= windowMs) {
      for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      lastSweep = t;
    }
    const key = createHmac('sha256', secret).update(String(id)).digest('base64url');
    let window = windows.get(key);
    if (!window || t - window.start >= windowMs) {
      window = { start: t, count: 0, notified: false };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= limit) return next();
    if (window.notified) {
      ctx.logger.debug('rate limited (dropped)');
      return;
    }
    window.notified = true;
    ctx.logger.info({ limit, windowMs }, 'rate limited (notice sent)');
    const seconds = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: botText.rateLimited(seconds) });
    else if (ctx.chat) await ctx.reply(botText.rateLimited(seconds));
  };
  return Object.assign(middleware, { tracked: () => windows.size });
}
