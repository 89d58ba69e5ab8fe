/**
 * Questions: in a private chat any text is a question (in groups, only what reaches the bot past
 * `onlyAddressedInGroups`, without the mention); edited messages are answered anew; a suggestion or
 * example button (`q:<id>`) asks its question. Each answer quotes the asker's message and uses the
 * chat's last meeting for follow-ups ("typing…", when composing is slow: middlewares/typing.ts).
 */
import { Composer } from 'grammy';
import { botText } from '../../locale/ar.ts';
import { parseCallbackData } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { questionText } from '../middlewares/addressed.ts';
import { acknowledge, followUpContext, sendAnswer } from '../send-answer.ts';

/**
 * @example
 * bot.use(askFeature);
 */
export const askFeature = new Composer<BotContext>();

askFeature.on(['message:text', 'edited_message:text'], async (ctx, next) => {
  const message = ctx.msg;
  if (message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return next();
  const answer = ctx.deps.engine.answer(questionText(message, ctx.me), followUpContext(ctx));
  await sendAnswer(ctx, answer, { replyTo: message.message_id });
});

askFeature.on('callback_query:data', async (ctx, next) => {
  const action = parseCallbackData(ctx.callbackQuery.data);
  if (action?.kind !== 'question') return next();
  const question = ctx.deps.questions.questionFor(action.questionId);
  if (question === undefined || ctx.chatId === undefined) {
    await acknowledge(ctx, question === undefined ? botText.toast.stale : botText.toast.invalid);
    return;
  }
  await acknowledge(ctx);
  const answer = ctx.deps.engine.answer(question, followUpContext(ctx));
  await sendAnswer(ctx, answer, { header: botText.askedQuestion(question) });
});
