/**
 * /meetings: the meetings as buttons, newest first; a button (`m:<id>`) opens the meeting's card
 * (date, place, who attended, topics, outcomes, sources), which also becomes the chat's follow-up
 * context.
 */
import { Composer } from 'grammy';
import { botText } from '../../locale/ar.ts';
import { parseCallbackData } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { renderMeetingList } from '../format/answer.ts';
import { splitHtml } from '../format/split.ts';
import { meetingsKeyboard } from '../keyboards.ts';
import { acknowledge, sendAnswer } from '../send-answer.ts';

/**
 * @example
 * bot.use(meetingsFeature);
 */
export const meetingsFeature = new Composer<BotContext>();

meetingsFeature.command('meetings', async (ctx) => {
  const meetings = ctx.deps.engine.meetings();
  const parts = splitHtml(renderMeetingList(meetings));
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, { parse_mode: 'HTML', ...(i === parts.length - 1 ? { reply_markup: meetingsKeyboard(meetings) } : {}) });
  }
});

meetingsFeature.on('callback_query:data', async (ctx, next) => {
  const action = parseCallbackData(ctx.callbackQuery.data);
  if (action?.kind !== 'meeting') return next();
  const card = ctx.deps.engine.meetingCard(action.meetingId);
  if (!card || ctx.chatId === undefined) {
    await acknowledge(ctx, card ? botText.toast.invalid : botText.toast.stale);
    return;
  }
  await acknowledge(ctx);
  await sendAnswer(ctx, card);
});
