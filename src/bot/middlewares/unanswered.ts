/**
 * Hands each question the engine declined to the unanswered-questions recorder (`ctx.deps.unanswered`),
 * once the update is handled: questions people typed (messages and edited messages), not inline
 * queries (typed a letter at a time) nor buttons (curated questions). The recorder keeps the text only.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * @example
 * bot.use(recordUnanswered());
 */
export function recordUnanswered(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    await next();
    const recorder = ctx.deps.unanswered;
    const asked = ctx.asked;
    if (!recorder || !asked || !(ctx.message || ctx.editedMessage)) return;
    recorder.record(asked.question, asked.answer);
  };
}
