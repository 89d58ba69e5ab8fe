/**
 * Logs each update once it is handled, in one line: its id and kind, how long it took and, when the
 * engine answered a question, whether it was answered, the kind of answer, its score, which facts,
 * meeting or person matched and how many citations it has. Never its content or who sent it.
 */
import type { MiddlewareFn } from 'grammy';
import { describeUpdate, type BotContext } from '../context.ts';

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
      // (one line per update, from the shared logger: the update's own child logger is made only when
      // something else is logged)
      const update = { update_id: ctx.update.update_id, update: describeUpdate(ctx.update), ms };
      ctx.deps.logger.info(
        answer ? { ...update, answered: answer.answered, kind: answer.kind, score: answer.score, matched: answer.matched, citations: answer.citations.length } : update,
        'update handled',
      );
    }
  };
}
