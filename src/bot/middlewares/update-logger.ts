/**
 * Logs each update once it is handled: its id, kind and duration (debug level). Never its content
 * or who sent it.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * @example
 * bot.use(logUpdates());
 */
export function logUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.logger.debug({ ms: Math.round((performance.now() - started) * 10) / 10 }, 'update handled');
    }
  };
}
