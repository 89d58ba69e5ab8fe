/**
 * /start: what the bot knows (the articles, the span of the meetings) and three example questions as
 * buttons. `/start meeting_<id>` (a deep link) opens that meeting's card instead.
 */
import { Composer } from 'grammy';
import type { Engine } from '../../engine/types.ts';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';
import { escapeHtml } from '../format/html.ts';
import { questionsKeyboard } from '../keyboards.ts';
import { sendAnswer } from '../send-answer.ts';

/** The deep-link payload that opens a meeting card: `meeting_<id>`. */
export const MEETING_DEEP_LINK = /^meeting_([a-z0-9][a-z0-9-]{0,59})$/;

/**
 * @example
 * bot.use(startFeature);
 */
export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  const { engine, questions } = ctx.deps;
  const deepLink = MEETING_DEEP_LINK.exec(ctx.match.trim());
  const card = deepLink?.[1] ? engine.meetingCard(deepLink[1]) : undefined;
  if (card) return sendAnswer(ctx, card);
  const examples = engine.examples(3);
  await ctx.reply(escapeHtml(botText.start(knowledgeSpan(engine))), {
    parse_mode: 'HTML',
    reply_markup: questionsKeyboard(examples, questions),
  });
});

/**
 * What /start says the bot knows: the number of articles and meetings, and the months of the first
 * and the last meeting held.
 * @example
 * knowledgeSpan(engine); // { sources: 5, meetings: 7, from: 'كانون الأول (ديسمبر) 2018', to: 'نيسان (أبريل) 2023' }
 */
export function knowledgeSpan(engine: Engine): { sources: number; meetings: number; from: string; to: string } {
  const dates = engine
    .meetings()
    .filter((m) => m.status === 'held' && /^\d{4}-\d{2}/.test(m.sortKey))
    .map((m) => m.sortKey)
    .sort();
  return {
    sources: engine.sources().length,
    meetings: engine.meetings().length,
    from: botText.monthYear(dates[0] ?? ''),
    to: botText.monthYear(dates[dates.length - 1] ?? ''),
  };
}

/**
 * The deep link that opens a meeting's card in a private chat with the bot.
 * @example
 * meetingDeepLink('moscow_talks_bot', 'quad-2023-04'); // 'https://t.me/moscow_talks_bot?start=meeting_quad-2023-04'
 */
export function meetingDeepLink(botUsername: string, meetingId: string): string {
  return `https://t.me/${botUsername}?start=meeting_${meetingId}`;
}
