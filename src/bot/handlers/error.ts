/**
 * The error boundary's handler (also `bot.catch`): logs the failure with the update's id and kind,
 * never who sent it, and apologises to the user in Arabic. It never throws, so polling goes on.
 */
import type { BotError } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';

/**
 * @example
 * bot.errorBoundary(handleError, ...features);
 * bot.catch(handleError);
 */
export async function handleError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  try {
    ctx.logger.error({ err: error.error }, 'update failed');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: botText.toast.apology }).catch(() => undefined);
    if (ctx.chatId !== undefined && (ctx.message || ctx.editedMessage || ctx.callbackQuery)) {
      const replyTo = ctx.msg?.message_id;
      await ctx.reply(botText.apology, {
        ...(replyTo !== undefined && !ctx.callbackQuery ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      });
    }
  } catch (apologyError) {
    try {
      ctx.logger.warn({ err: apologyError }, 'could not send the apology');
    } catch {
      // a broken logger must not stop polling either
    }
  }
}
