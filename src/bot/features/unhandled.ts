/**
 * Mounted last: unknown commands and non-text messages in private chats get a short note; buttons the
 * bot does not recognise (forged, or from an older version) get a toast. Everything else is ignored.
 */
import { Composer } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';
import { acknowledge } from '../send-answer.ts';

/**
 * @example
 * bot.use(unhandledFeature); // after every other feature
 */
export const unhandledFeature = new Composer<BotContext>();

const privateChats = unhandledFeature.chatType('private');

privateChats.on('message::bot_command', async (ctx) => {
  await ctx.reply(botText.unknownCommand, { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
});

privateChats.on(
  [
    'message:sticker', 'message:photo', 'message:voice', 'message:video', 'message:video_note', 'message:audio',
    'message:animation', 'message:document', 'message:location', 'message:venue', 'message:contact',
    'message:poll', 'message:dice', 'message:story',
  ],
  async (ctx) => {
    await ctx.reply(botText.nonText, { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
  },
);

unhandledFeature.on('callback_query', async (ctx) => {
  await acknowledge(ctx, botText.toast.invalid);
});
