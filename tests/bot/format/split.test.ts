import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT, splitHtml, truncateHtml, visibleLength } from '../../../src/bot/format/split.ts';
import { checkTelegramHtml } from '../../helpers/bot.ts';

describe('visibleLength', () => {
  it('counts text after parsing: tags count 0, an entity counts 1', () => {
    expect(visibleLength('<b>a &amp; b</b>')).toBe(5);
    expect(visibleLength('<blockquote expandable>&lt;script&gt;</blockquote>')).toBe(8);
  });
  it('counts UTF-16 code units, like Telegram (an emoji is 2)', () => {
    expect(visibleLength('📌')).toBe(2);
    expect(visibleLength('&#128204;')).toBe(2);
  });
});

describe('splitHtml', () => {
  it('returns short HTML unchanged, in one part', () => {
    expect(splitHtml('<b>مرحبا</b> &amp; أهلًا')).toEqual(['<b>مرحبا</b> &amp; أهلًا']);
  });

  it('keeps every part within the limit and valid, closing and reopening tags across parts', () => {
    const html = `<b>عنوان</b>\n${'<blockquote expandable>' + 'كلمة &amp; أخرى '.repeat(700) + '</blockquote>'}\n<i>${'نهاية '.repeat(200)}</i>`;
    expect(visibleLength(html)).toBeGreaterThan(2 * MESSAGE_LIMIT);
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      const text = checkTelegramHtml(part);
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    expect(parts[1]).toMatch(/^<blockquote expandable>/);
    expect(parts[0]).toMatch(/<\/blockquote>$/);
  });

  it('loses no text: the parts together hold every word', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `كلمة${i}`);
    const parts = splitHtml(`<b>${words.join(' ')}</b>`, 1000);
    const text = parts.map((p) => checkTelegramHtml(p)).join(' ');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(words);
  });

  it('prefers a line break in the second half, else a space', () => {
    const html = `${'أ'.repeat(70)}\n${'ب'.repeat(20)} ${'ج'.repeat(20)}`;
    expect(splitHtml(html, 100)).toEqual(['أ'.repeat(70), `${'ب'.repeat(20)} ${'ج'.repeat(20)}`]);
    const spaced = `${'أ'.repeat(30)}\n${'ب'.repeat(40)} ${'ج'.repeat(40)}`;
    expect(splitHtml(spaced, 100)).toEqual([`${'أ'.repeat(30)}\n${'ب'.repeat(40)}`, 'ج'.repeat(40)]);
  });

  it('never cuts inside an entity or a surrogate pair, even with no space to cut at', () => {
    const html = '&amp;'.repeat(150) + '😀'.repeat(150);
    const parts = splitHtml(html, 101);
    for (const p of parts) {
      expect(() => checkTelegramHtml(p)).not.toThrow();
      expect(visibleLength(p)).toBeLessThanOrEqual(101);
      expect(p).not.toMatch(/&(?!amp;)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(parts.join('')).toBe(html);
  });

  it('drops parts with no visible text and empty elements left by a cut', () => {
    const parts = splitHtml(`<b>${'ا'.repeat(10)}\n</b><i>\n</i>${'ب'.repeat(10)}`, 12);
    for (const p of parts) expect(p).not.toMatch(/<(\w+)[^>]*>\s*<\/\1>/);
    expect(parts.map((p) => checkTelegramHtml(p).trim())).toEqual(['ا'.repeat(10), 'ب'.repeat(10)]);
  });
});

describe('truncateHtml', () => {
  it('keeps the first part and marks the cut', () => {
    const out = truncateHtml(`<b>${'كلمة '.repeat(2000)}</b>`);
    expect(checkTelegramHtml(out).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(out.endsWith('\n…')).toBe(true);
  });
  it('leaves short HTML alone', () => {
    expect(truncateHtml('<b>x</b>')).toBe('<b>x</b>');
  });
});
