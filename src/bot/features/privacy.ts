/** /privacy: exactly what the bot keeps (see session.ts and middlewares/rate-limit.ts). */
import { Composer } from 'grammy';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';
import { escapeHtml } from '../format/html.ts';

/**
 * @example
 * bot.use(privacyFeature);
 */
export const privacyFeature = new Composer<BotContext>();

privacyFeature.command('privacy', async (ctx) => {
  const { config } = ctx.deps;
  const text = botText.privacy({ sessionMinutes: config.sessionTtlMinutes, rateWindowSeconds: config.rateLimitWindowSeconds });
  await ctx.reply(escapeHtml(text), { parse_mode: 'HTML' });
});
