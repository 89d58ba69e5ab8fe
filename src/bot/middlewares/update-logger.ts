/**
 * Logs each update once it is handled: its id and kind (bound to `ctx.logger`), how long it took and,
 * when the engine answered a question, whether it was answered, the kind of answer and which facts,
 * meeting or person matched. Never its content or who sent it.
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
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const answer = ctx.asked?.answer;
      ctx.logger.info(answer ? { ms, answered: answer.answered, kind: answer.kind, matched: answer.matched } : { ms }, 'update handled');
    }
  };
}
