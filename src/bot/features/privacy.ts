/**
 * /privacy: exactly what the bot keeps (see session.ts, middlewares/rate-limit.ts, update-gate.ts and
 * unanswered/recorder.ts), and where: memory, or Redis when REDIS_URL is set.
 */
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
  const { config, unanswered } = ctx.deps;
  const text = botText.privacy({
    sessionMinutes: config.sessionTtlMinutes,
    rateWindowSeconds: config.rateLimitWindowSeconds,
    shared: config.redisUrl !== undefined,
    ...(unanswered ? { declined: unanswered.store.kind, ...(unanswered.store.cap ? { declinedCap: unanswered.store.cap } : {}) } : {}),
  });
  await ctx.reply(escapeHtml(text), { parse_mode: 'HTML' });
});
