/**
 * Inline mode: `@bot سؤال` in any chat returns up to 5 cited answers (the answer and its meeting's
 * card, or, when the question is declined, the answers to its suggestions); an empty query lists the
 * meetings' cards. Only answered results are offered. The inline query's user is never logged.
 */
import { Composer, InlineQueryResultBuilder } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import type { Answer, Engine } from '../../engine/types.ts';
import { botText } from '../../locale/ar.ts';
import type { BotContext } from '../context.ts';
import { renderAnswer } from '../format/answer.ts';
import { truncateHtml } from '../format/split.ts';
import { questionId } from '../question-table.ts';

/** At most this many results for a question (Telegram allows 50). */
export const INLINE_ANSWERS = 5;

/**
 * @example
 * bot.use(inlineFeature);
 */
export const inlineFeature = new Composer<BotContext>();

inlineFeature.on('inline_query', async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  const results = query ? answerResults(ctx.deps.engine, query) : meetingResults(ctx.deps.engine);
  ctx.logger.info({ empty: query === '', results: results.length }, 'inline results');
  await ctx.answerInlineQuery(results, {
    cache_time: 300,
    ...(results.length === 0 ? { button: { text: botText.inline.openBot, start_parameter: 'inline' } } : {}),
  });
});

/**
 * Results for a question: cited answers only, at most {@link INLINE_ANSWERS}.
 * @example
 * answerResults(engine, 'من حضر الاجتماع الرباعي؟').length; // 1 or 2
 */
export function answerResults(engine: Engine, query: string): InlineQueryResult[] {
  const answer = engine.answer(query);
  const candidates: { title: string; answer: Answer; id: string }[] = [];
  if (answer.answered) {
    candidates.push({ title: query, answer, id: `a:${questionId(query)}` });
    const card = answer.meetingId && answer.kind !== 'meeting' ? engine.meetingCard(answer.meetingId) : undefined;
    if (card) candidates.push({ title: engine.meetings().find((m) => m.id === answer.meetingId)?.title ?? query, answer: card, id: `m:${answer.meetingId}` });
  } else {
    for (const suggestion of answer.suggestions) {
      const alternative = engine.answer(suggestion);
      if (alternative.answered) candidates.push({ title: suggestion, answer: alternative, id: `a:${questionId(suggestion)}` });
    }
  }
  const seen = new Set<string>();
  return candidates
    .filter((c) => {
      const key = c.answer.matched.join(',') || c.id;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, INLINE_ANSWERS)
    .map((c) => article(c.id, c.title, c.answer));
}

/**
 * Results for an empty query: every meeting's card, newest first.
 * @example
 * meetingResults(engine).length; // the number of meetings (≤ 50)
 */
export function meetingResults(engine: Engine): InlineQueryResult[] {
  const results: InlineQueryResult[] = [];
  for (const m of engine.meetings().slice(0, 50)) {
    const card = engine.meetingCard(m.id);
    if (card) results.push(article(`m:${m.id}`, m.shortTitle, card, m.dateLabel));
  }
  return results;
}

function article(id: string, title: string, answer: Answer, description?: string): InlineQueryResult {
  return InlineQueryResultBuilder.article(id, shorten(title, 100), {
    description: shorten(description ?? answer.text.split('\n')[0] ?? '', 150),
  }).text(truncateHtml(renderAnswer(answer)), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
