/**
 * "typing…" while an answer is being composed — when composing takes noticeable time. Telegram
 * recommends `sendChatAction` only "when a response from the bot will take a noticeable amount of
 * time to arrive", and most answers leave a few milliseconds after their update arrives: a chat
 * action then costs a Bot API call (and rate-limit budget) that nobody sees. So the action is sent
 * when nothing has been sent for the update `delayMs` after it arrived (a slow session store, say),
 * and never after the update's first reply has left (it would leave "typing…" showing after the
 * answer). With `delayMs` 0 it goes out before every reply. If the call fails, the reply still goes
 * out: the failure is only logged.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

/**
 * @example
 * bot.use(typingWhileComposing(config.typingDelayMs));
 */
export function typingWhileComposing(delayMs: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // (updates that get a reply in their chat: messages and button presses; not inline queries)
    if (ctx.chatId === undefined || !(ctx.message || ctx.editedMessage || ctx.callbackQuery)) return next();
    if (delayMs === 0) {
      sendTyping(ctx);
      return next();
    }
    let timer: NodeJS.Timeout | undefined = setTimeout(() => {
      timer = undefined;
      sendTyping(ctx);
    }, delayMs);
    const cancel = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
    };
    // The first call the update makes (its reply, or the button's acknowledgement) means the answer
    // is on its way: no "typing…" after that.
    ctx.api.config.use((prev, method, payload, signal) => {
      cancel();
      return prev(method, payload, signal);
    });
    try {
      await next();
    } finally {
      cancel();
    }
  };
}

function sendTyping(ctx: BotContext): void {
  ctx.replyWithChatAction('typing').catch((error: unknown) => {
    ctx.logger.warn({ err: error }, 'sendChatAction failed; answering anyway');
  });
}
