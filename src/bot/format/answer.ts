/**
 * Telegram HTML for the engine's answers and the bot's lists. Only formats: every string from the
 * engine, the knowledge base or a user is escaped here.
 */
import type { Answer, Citation, MeetingSummary, SourceSummary } from '../../engine/types.ts';
import { botText } from '../../locale/ar.ts';
import { blockquote, bold, escapeHtml } from './html.ts';

export interface RenderAnswerOptions {
  /** A line shown above the answer, e.g. the question a pressed button asked. */
  readonly header?: string;
}

/**
 * An answer as HTML: its text, then (only when it answers) the sources block headed «المصادر» or
 * «المصدر»: numbered article titles, each with its verbatim quote in an expandable block quote.
 * @example
 * const html = renderAnswer(engine.answer('من حضر الاجتماع الرباعي؟'));
 * await ctx.reply(html, { parse_mode: 'HTML' });
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): string {
  const blocks: string[] = [];
  if (options.header) blocks.push(bold(options.header));
  blocks.push(renderText(answer));
  if (answer.answered && answer.citations.length > 0) blocks.push(renderSources(answer.citations));
  return blocks.join('\n\n');
}

/**
 * The sources block alone.
 * @example
 * renderSources(answer.citations); // '<b>المصدر</b>\n1. <b>…</b>\n<blockquote expandable>…</blockquote>'
 */
export function renderSources(citations: readonly Citation[]): string {
  const heading = bold(citations.length === 1 ? botText.sourceHeading : botText.sourcesHeading);
  const items = citations.map((c, i) => `${i + 1}. ${bold(c.title)}\n${blockquote(c.quote, { expandable: true })}`);
  return [heading, ...items].join('\n');
}

/**
 * The list shown by /meetings (the buttons carry the cards).
 * @example
 * renderMeetingList(engine.meetings());
 */
export function renderMeetingList(meetings: readonly MeetingSummary[]): string {
  const lines = meetings.map((m, i) => `${i + 1}. ${bold(m.title)}\n📅 ${escapeHtml(m.dateLabel)}`);
  return [escapeHtml(botText.meetingsHeader), ...lines].join('\n\n');
}

/**
 * The list shown by /sources: each article's title (marked when editorial), date and summary.
 * @example
 * renderSourceList(engine.sources());
 */
export function renderSourceList(sources: readonly SourceSummary[]): string {
  const items = sources.map((s, i) => {
    const title = `${i + 1}. ${bold(s.title)}${s.titleIsEditorial ? ` ${escapeHtml(botText.editorialTitle)}` : ''}`;
    const outlet = s.outlet ? ` · ${escapeHtml(s.outlet)}` : '';
    return `${title}\n📅 ${escapeHtml(s.dateLabel)}${outlet}\n${escapeHtml(s.summary)}`;
  });
  return [escapeHtml(botText.sourcesHeader), ...items].join('\n\n');
}

/**
 * Plain text escaped; a meeting card's first line (its title) in bold; «هل تقصد:» added before
 * suggestions when the engine's text does not already introduce them.
 */
function renderText(answer: Answer): string {
  const lines = answer.text.split('\n').map(escapeHtml);
  if (answer.kind === 'meeting' && lines.length > 0) lines[0] = `<b>${lines[0]}</b>`;
  if (answer.suggestions.length > 0 && !answer.text.includes(botText.didYouMean)) lines.push('', escapeHtml(botText.didYouMean));
  return lines.join('\n');
}
