/** /help: how to ask, the commands, inline mode and groups. */
import { Composer } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';
import { escapeHtml } from '../format/html.ts';

/**
 * @example
 * bot.use(helpFeature);
 */
export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  await ctx.reply(escapeHtml(botText.help(ctx.me.username)), { parse_mode: 'HTML' });
});
