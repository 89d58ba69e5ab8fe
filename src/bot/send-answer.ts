/**
 * Sending an engine answer to a chat: HTML rendering, splitting at 4,096 characters, the keyboard on
 * the last part, quoting the asker's message, and remembering the meeting for follow-ups.
 */
import type { AnswerContext, Answer } from '../engine/types.ts';
import type { BotContext } from './context.ts';
import { renderAnswer } from './format/answer.ts';
import { splitHtml } from './format/split.ts';
import { answerKeyboard } from './keyboards.ts';

export interface SendAnswerOptions {
  /** The message to quote (`reply_parameters`): the user's question. */
  readonly replyTo?: number;
  /** A bold line above the answer, e.g. the question a pressed button asked. */
  readonly header?: string;
}

/**
 * Sends the answer to the update's chat (in as many messages as its length needs) and keeps its
 * meeting as the chat's follow-up context.
 * @example
 * await sendAnswer(ctx, ctx.deps.engine.answer(text, followUpContext(ctx)), { replyTo: ctx.msg.message_id });
 */
export async function sendAnswer(ctx: BotContext, answer: Answer, options: SendAnswerOptions = {}): Promise<void> {
  rememberAnswer(ctx, answer);
  const parts = splitHtml(renderAnswer(answer, options.header ? { header: options.header } : {}));
  const keyboard = answerKeyboard(answer, ctx.deps.questions);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 && options.replyTo !== undefined ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}

/**
 * The chat's follow-up context for the engine (empty outside chats, e.g. inline queries).
 * @example
 * engine.answer('ومن حضره؟', followUpContext(ctx));
 */
export function followUpContext(ctx: BotContext): AnswerContext {
  if (ctx.chatId === undefined) return {};
  const session = ctx.session;
  if (!session) return {};
  return { ...(session.meetingId ? { meetingId: session.meetingId } : {}), ...(session.focus?.length ? { focus: session.focus } : {}) };
}

/**
 * Keeps an answered answer's context for the chat's next question: its meeting id and the ids of the
 * knowledge entries it came from (as the console chat does). Answers that do not answer leave the
 * context as it was.
 * @example
 * rememberAnswer(ctx, card);
 */
export function rememberAnswer(ctx: BotContext, answer: Answer): void {
  if (!answer.answered || ctx.chatId === undefined) return;
  ctx.session = { ...(answer.meetingId ? { meetingId: answer.meetingId } : {}), focus: [...answer.matched] };
}

/**
 * Answers the callback query (removes the button's spinner, with an optional toast). A failure — the
 * query is too old, say — is logged and does not stop what the press asked for.
 * @example
 * await acknowledge(ctx); await sendAnswer(ctx, card);
 */
export async function acknowledge(ctx: BotContext, toast?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(toast === undefined ? undefined : { text: toast });
  } catch (error) {
    ctx.logger.warn({ err: error }, 'answerCallbackQuery failed; carrying on');
  }
}
