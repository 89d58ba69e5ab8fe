import { afterEach, describe, expect, it } from 'vitest';
import { parseCallbackData } from '../../../src/bot/callback-data.ts';
import { knowledgeSpan, meetingDeepLink } from '../../../src/bot/features/start.ts';
import { checkTelegramHtml, createHarness, type Harness, type RecordedCall } from '../../helpers/bot.ts';
import { engine } from '../../helpers/engine.ts';

let h: Harness;
afterEach(() => expect(h.violations).toEqual([]));

const messages = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'sendMessage');
const buttons = (call: RecordedCall) =>
  ((call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe('/start', () => {
  it('says what the bot knows (five articles, December 2018 to April 2023) and offers three example questions', async () => {
    h = createHarness();
    const [reply] = messages(await h.ask('/start'));
    const text = checkTelegramHtml(reply!.payload.text as string);
    expect(text).toContain('5 مقالات');
    expect(text).toContain('كانون الأول (ديسمبر) 2018');
    expect(text).toContain('نيسان (أبريل) 2023');
    const examples = buttons(reply!);
    expect(examples.map((b) => b.text)).toEqual(engine().examples(3));
    expect(examples.every((b) => parseCallbackData(b.callback_data)?.kind === 'question')).toBe(true);
  });

  it('answers an example question when its button is pressed', async () => {
    h = createHarness();
    const [welcome] = messages(await h.ask('/start'));
    const example = buttons(welcome!)[1]!;
    const [answer] = messages(await h.press(example.callback_data));
    const text = checkTelegramHtml(answer!.payload.text as string);
    expect(text).toContain(engine().answer(example.text).text.split('\n')[0]!);
    expect(text).toMatch(/المصادر|المصدر/);
  });

  it('derives the span from the meetings held', () => {
    expect(knowledgeSpan(engine())).toEqual({ sources: 5, meetings: engine().meetings().length, from: 'كانون الأول (ديسمبر) 2018', to: 'نيسان (أبريل) 2023' });
  });

  it('opens a meeting card from a deep link /start meeting_<id>', async () => {
    h = createHarness();
    const [card] = messages(await h.ask('/start meeting_trilateral-2022-12'));
    const text = checkTelegramHtml(card!.payload.text as string);
    expect(text.startsWith(engine().meetingCard('trilateral-2022-12')!.text)).toBe(true);
    expect(text).toMatch(/المصادر|المصدر/);
    expect(meetingDeepLink('moscow_talks_bot', 'trilateral-2022-12')).toBe('https://t.me/moscow_talks_bot?start=meeting_trilateral-2022-12');
  });

  it('falls back to the welcome for an unknown or malformed deep link', async () => {
    h = createHarness();
    for (const payload of ['meeting_nope', 'meeting_<script>', 'x'.repeat(200)]) {
      const [reply] = messages(await h.ask(`/start ${payload}`));
      expect(checkTelegramHtml(reply!.payload.text as string)).toContain('5 مقالات');
    }
  });
});

describe('/help and /privacy', () => {
  it('/help explains how to ask, the commands, inline mode and groups', async () => {
    h = createHarness();
    const [reply] = messages(await h.ask('/help'));
    const text = checkTelegramHtml(reply!.payload.text as string);
    for (const s of ['/meetings', '/sources', '/privacy', '@moscow_talks_bot', 'المجموعات']) expect(text).toContain(s);
  });

  it('/privacy says exactly what is kept, with the configured durations', async () => {
    h = createHarness({ env: { SESSION_TTL_MINUTES: '45', RATE_LIMIT_WINDOW_SECONDS: '12' } });
    const [reply] = messages(await h.ask('/privacy'));
    const text = checkTelegramHtml(reply!.payload.text as string);
    expect(text).toContain('سياق آخر إجابة');
    expect(text).toContain('45 دقيقة');
    expect(text).toContain('12 ثوانٍ');
    expect(text).toContain('لا أحفظ رسائلك');
  });
});

describe('/sources', () => {
  it('lists the five articles with title, date and summary, marking editorial titles', async () => {
    h = createHarness();
    const [reply] = messages(await h.ask('/sources'));
    const text = checkTelegramHtml(reply!.payload.text as string);
    for (const s of engine().sources()) {
      expect(text).toContain(s.title);
      expect(text).toContain(s.dateLabel);
      expect(text).toContain(s.summary);
      const line = text.split('\n').find((l) => l.includes(s.title))!;
      expect(line.includes('عنوان وصفي من المحررين')).toBe(s.titleIsEditorial);
    }
  });
});

describe('/meetings', () => {
  it('lists the meetings as buttons, newest first, each opening its card', async () => {
    h = createHarness();
    const [list] = messages(await h.ask('/meetings'));
    checkTelegramHtml(list!.payload.text as string);
    const row = buttons(list!);
    const meetings = engine().meetings();
    expect(row.map((b) => b.text)).toEqual(meetings.map((m) => m.shortTitle));
    expect(row.map((b) => parseCallbackData(b.callback_data))).toEqual(meetings.map((m) => ({ kind: 'meeting', meetingId: m.id })));
    for (const [i, m] of meetings.entries()) {
      const calls = await h.press(row[i]!.callback_data);
      expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery' });
      const [card] = messages(calls);
      const text = checkTelegramHtml(card!.payload.text as string);
      const expected = engine().meetingCard(m.id)!;
      expect(text.startsWith(expected.text)).toBe(true);
      for (const c of expected.citations) expect(text).toContain(c.quote);
      expect(card!.payload.reply_markup).toBeUndefined(); // a card has no button to itself
    }
  });

  it('a card shows date, place, attendees, topics or outcomes and sources', async () => {
    h = createHarness();
    const [card] = messages(await h.press('m:quad-2023-04'));
    const text = checkTelegramHtml(card!.payload.text as string);
    for (const label of ['التاريخ', 'المكان', 'الحضور', 'المصادر']) expect(text).toContain(label);
    expect(text).toMatch(/ما نوقش|النتائج/);
  });
});

describe('unknown commands and commands for other bots', () => {
  it('answers an unknown command with the list of commands, not as a question', async () => {
    h = createHarness();
    const calls = await h.ask('/weather');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(calls[0]!.payload.text).toContain('/meetings');
  });
  it('accepts /help@moscow_talks_bot', async () => {
    h = createHarness();
    const [reply] = messages(await h.ask('/help@moscow_talks_bot'));
    expect(reply!.payload.text).toContain('/sources');
  });
});
