import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/engine/types.ts';
import { renderAnswer, renderMeetingList, renderSourceList, renderSources } from '../../../src/bot/format/answer.ts';
import { escapeHtml } from '../../../src/bot/format/html.ts';
import { checkTelegramHtml } from '../../helpers/bot.ts';
import { engine } from '../../helpers/engine.ts';

const base: Answer = { answered: true, text: 'نص', citations: [], suggestions: [], score: 1, kind: 'fact', matched: [] };

describe('escapeHtml', () => {
  it('escapes &, < and >', () => {
    expect(escapeHtml('<b> & <script>alert(1)</script>')).toBe('&lt;b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderAnswer', () => {
  it('ends an answer with one source under «المصدر», numbered, title in bold and the quote expandable', () => {
    const html = renderAnswer({ ...base, citations: [{ source: 's1', title: 'عنوان', quote: 'اقتباس حرفي' }] });
    expect(html).toBe('نص\n\n<b>المصدر</b>\n1. <b>عنوان</b>\n<blockquote expandable>اقتباس حرفي</blockquote>');
  });

  it('uses «المصادر» for several sources', () => {
    const html = renderAnswer({ ...base, citations: [1, 2].map((i) => ({ source: `s${i}`, title: `ع${i}`, quote: `ق${i}` })) });
    expect(html).toContain('<b>المصادر</b>\n1. <b>ع1</b>');
    expect(html).toContain('2. <b>ع2</b>\n<blockquote expandable>ق2</blockquote>');
  });

  it('escapes everything from the engine: text, titles and quotes', () => {
    const hostile = '<b>x</b> & <script>';
    const html = renderAnswer({ ...base, text: hostile, citations: [{ source: 's', title: hostile, quote: hostile }] });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    expect(checkTelegramHtml(html)).toContain(hostile);
  });

  it('never shows sources for an answer that does not answer', () => {
    const html = renderAnswer({ ...base, answered: false, kind: 'decline', citations: [{ source: 's', title: 't', quote: 'q' }] });
    expect(html).not.toContain('المصدر');
  });

  it('introduces suggestions with «هل تقصد:» when the text does not', () => {
    expect(renderAnswer({ ...base, answered: false, kind: 'decline', suggestions: ['س؟'] })).toBe('نص\n\nهل تقصد:');
    expect(renderAnswer({ ...base, answered: false, kind: 'decline', text: 'نص\n\nهل تقصد:\n• س؟', suggestions: ['س؟'] }).match(/هل تقصد/g)).toHaveLength(1);
  });

  it('puts a header line in bold above the answer', () => {
    expect(renderAnswer(base, { header: '❓ <سؤال>' })).toBe('<b>❓ &lt;سؤال&gt;</b>\n\nنص');
  });

  it('renders every real meeting card as valid Telegram HTML with its sources', () => {
    const e = engine();
    for (const m of e.meetings()) {
      const card = e.meetingCard(m.id)!;
      const html = renderAnswer(card);
      expect(() => checkTelegramHtml(html), m.id).not.toThrow();
      expect(html).toMatch(/^<b>/);
      expect(html).toMatch(/<b>(المصادر|المصدر)<\/b>/);
    }
  });
});

describe('lists', () => {
  it('renders sources with the editorial mark only on editorial titles', () => {
    const e = engine();
    const html = renderSourceList(e.sources());
    checkTelegramHtml(html);
    const editorial = e.sources().filter((s) => s.titleIsEditorial).length;
    expect(editorial).toBeGreaterThan(0);
    expect(html.match(/عنوان وصفي من المحررين/g)).toHaveLength(editorial);
    for (const s of e.sources()) expect(html).toContain(escapeHtml(s.summary));
  });

  it('renders the meeting list newest first with dates', () => {
    const e = engine();
    const html = renderMeetingList(e.meetings());
    checkTelegramHtml(html);
    const positions = e.meetings().map((m) => html.indexOf(escapeHtml(m.title)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('renders a sources block alone', () => {
    expect(renderSources([{ source: 's', title: 'a&b', quote: 'q' }])).toBe('<b>المصدر</b>\n1. <b>a&amp;b</b>\n<blockquote expandable>q</blockquote>');
  });
});
