import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, Engine } from '../../../src/engine/types.ts';
import { parseCallbackData } from '../../../src/bot/callback-data.ts';
import { BOB, checkTelegramHtml, declinedQuestion, createHarness, type Harness, type RecordedCall } from '../../helpers/bot.ts';
import { engine } from '../../helpers/engine.ts';
import { createMemoryStorage, type SessionData } from '../../../src/bot/session.ts';

let h: Harness;

/** The context the bot keeps after answering `question` (as the console chat does). */
const contextAfter = (question: string) => {
  const a = engine().answer(question);
  return { ...(a.meetingId ? { meetingId: a.meetingId } : {}), focus: a.matched };
};
afterEach(() => expect(h.violations).toEqual([]));

const messages = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'sendMessage');
const buttons = (call: RecordedCall) =>
  ((call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe('questions in a private chat', () => {
  it('answers in HTML, quoting the question, after "typing" (TYPING_DELAY_MS=0), with the sources block', async () => {
    h = createHarness({ env: { TYPING_DELAY_MS: '0' } });
    const calls = await h.ask('متى عقد الاجتماع الثلاثي الأول؟');
    expect(calls[0]).toMatchObject({ method: 'sendChatAction', payload: { action: 'typing' } });
    const [reply] = messages(calls);
    expect(reply?.payload).toMatchObject({ parse_mode: 'HTML', reply_parameters: { message_id: expect.any(Number) } });
    const text = checkTelegramHtml(reply!.payload.text as string);
    expect(text).toContain('28 كانون الأول');
    expect(reply!.payload.text).toMatch(/\n\n<b>المصادر<\/b>\n1\. <b>[^<]+<\/b>\n<blockquote expandable>[^<]+<\/blockquote>\n2\. /);
    const expected = engine().answer('متى عقد الاجتماع الثلاثي الأول؟');
    for (const c of expected.citations) expect(text).toContain(c.quote);
  });

  it('does not send "typing" for an answer that leaves at once (the default delay)', async () => {
    h = createHarness();
    expect(h.config.typingDelayMs).toBe(500);
    const calls = await h.ask('من هو شويغو؟');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    await new Promise((r) => setTimeout(r, 600));
    expect(h.callsOf('sendChatAction')).toEqual([]);
  });

  it('sends "typing" once, before the answer, when composing it takes longer than the delay (a slow store)', async () => {
    const slow = createMemoryStorage<SessionData>({ ttlMs: 60_000 });
    const read = slow.read.bind(slow);
    h = createHarness({ env: { TYPING_DELAY_MS: '20' }, sessionStorage: { ...slow, read: async (key) => (await new Promise((r) => setTimeout(r, 150)), read(key)), write: slow.write.bind(slow), delete: slow.delete.bind(slow) } });
    const calls = await h.ask('من هو شويغو؟');
    expect(calls.map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(calls[0]!.payload).toMatchObject({ action: 'typing' });
  });

  it('never sends "typing" once the answer has left (a slow store write after it)', async () => {
    const slow = createMemoryStorage<SessionData>({ ttlMs: 60_000 });
    const write = slow.write.bind(slow);
    h = createHarness({ env: { TYPING_DELAY_MS: '20' }, sessionStorage: { read: slow.read.bind(slow), write: async (key, value) => (await new Promise((r) => setTimeout(r, 150)), write(key, value)), delete: slow.delete.bind(slow) } });
    const calls = await h.ask('من حضر الاجتماع الرباعي؟');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(h.callsOf('sendChatAction')).toEqual([]);
  });

  it('still answers when the "typing" action fails', async () => {
    h = createHarness({ env: { TYPING_DELAY_MS: '0' } });
    h.fail('sendChatAction', { error_code: 400, description: 'Bad Request: chat not found' });
    const calls = await h.ask('من هو شويغو؟');
    expect(messages(calls)).toHaveLength(1);
    expect(messages(calls)[0]!.payload.text).toContain('المصادر');
    expect(h.log()).toContain('sendChatAction failed');
  });

  it('declines without sources and offers the suggestions as buttons with short callback data', async () => {
    h = createHarness();
    const calls = await h.ask(declinedQuestion(engine()));
    const [reply] = messages(calls);
    const text = checkTelegramHtml(reply!.payload.text as string);
    const expected = engine().answer(declinedQuestion(engine()));
    expect(expected.kind).toBe('decline');
    expect(text).toContain(expected.text.split('\n')[0]);
    expect(text).toContain('هل تقصد:');
    expect(text).not.toMatch(/المصادر|المصدر\n/);
    const suggestions = expected.suggestions;
    expect(suggestions.length).toBeGreaterThan(0);
    const row = buttons(reply!);
    expect(row.map((b) => b.text)).toEqual(suggestions);
    for (const b of row) {
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      expect(parseCallbackData(b.callback_data)?.kind).toBe('question');
    }
  });

  it('answers the suggestion a button stands for', async () => {
    h = createHarness();
    const [decline] = messages(await h.ask(declinedQuestion(engine())));
    const button = buttons(decline!)[0]!;
    const calls = await h.press(button.callback_data);
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery' });
    expect(calls[0]!.payload.text).toBeUndefined();
    const [reply] = messages(calls);
    const expected = engine().answer(button.text);
    expect(expected.answered).toBe(true);
    const text = checkTelegramHtml(reply!.payload.text as string);
    expect(text.startsWith(`❓ ${button.text}`)).toBe(true);
    expect(text).toContain(expected.citations[0]!.quote);
  });

  it('adds a button to the meeting card under an answer about a meeting, and the button opens it', async () => {
    h = createHarness();
    const [reply] = messages(await h.ask('من حضر الاجتماع الرباعي؟'));
    const cardButton = buttons(reply!).find((b) => b.callback_data.startsWith('m:'));
    expect(cardButton?.text).toContain('بطاقة الاجتماع');
    const action = parseCallbackData(cardButton!.callback_data);
    expect(action).toEqual({ kind: 'meeting', meetingId: 'quad-2023-04' });
    const [card] = messages(await h.press(cardButton!.callback_data));
    expect(checkTelegramHtml(card!.payload.text as string)).toContain(engine().meetingCard('quad-2023-04')!.text.split('\n')[0]!);
  });

  it('resolves follow-ups against the last meeting of the same chat only', async () => {
    h = createHarness();
    await h.ask('متى عقد الاجتماع الثلاثي الأول؟');
    const [who] = messages(await h.ask('ومن حضره؟'));
    expect(checkTelegramHtml(who!.payload.text as string)).toContain(engine().answer('ومن حضره؟', contextAfter('متى عقد الاجتماع الثلاثي الأول؟')).text);
    const [when] = messages(await h.ask('متى كان؟'));
    expect(checkTelegramHtml(when!.payload.text as string)).toContain('28 كانون الأول');
    // Bob's chat has no context: the same follow-up is declined there.
    const [bob] = messages(await h.ask('ومن حضره؟', { from: BOB }));
    const bobText = checkTelegramHtml(bob!.payload.text as string);
    expect(bobText).toContain(engine().answer('ومن حضره؟').text.split('\n')[0]!);
    expect(bobText).not.toContain('المصادر');
  });

  it('follows up on the quadrilateral meeting with «وماذا قالت سانا؟»', async () => {
    h = createHarness();
    await h.ask('حدثني عن الاجتماع الرباعي في موسكو');
    const [sana] = messages(await h.ask('وماذا قالت سانا؟'));
    const expected = engine().answer('وماذا قالت سانا؟', contextAfter('حدثني عن الاجتماع الرباعي في موسكو'));
    expect(expected.answered).toBe(true);
    expect(checkTelegramHtml(sana!.payload.text as string)).toContain(expected.text);
  });

  it('a meeting card opened from a button becomes the context of follow-ups', async () => {
    h = createHarness();
    await h.press('m:moscow-2018-12');
    const [who] = messages(await h.ask('ومن حضره؟'));
    const card = engine().meetingCard('moscow-2018-12')!;
    const expected = engine().answer('ومن حضره؟', { meetingId: 'moscow-2018-12', focus: card.matched });
    expect(expected.answered).toBe(true);
    expect(checkTelegramHtml(who!.payload.text as string)).toContain(expected.text);
  });

  it('escapes hostile text: <b>, & and <script> never reach Telegram as markup', async () => {
    h = createHarness();
    const hostile = 'من حضر <b>الاجتماع</b> الرباعي & <script>alert(1)</script>؟';
    const calls = await h.ask(hostile);
    const [reply] = messages(calls);
    expect(reply!.payload.text).not.toMatch(/<script|<b>الاجتماع/);
    checkTelegramHtml(reply!.payload.text as string);
  });

  it('gives a clear reply to empty-ish, emoji-only and over-long messages', async () => {
    h = createHarness();
    for (const input of ['   ', '😀😀😀', '؟؟؟', 'س'.repeat(5000), '12345']) {
      const [reply] = messages(await h.ask(input));
      expect(reply, JSON.stringify(input.slice(0, 10))).toBeDefined();
      const text = checkTelegramHtml(reply!.payload.text as string);
      expect(text).not.toContain('المصادر');
    }
  });

  it('answers an edited message anew, quoting it', async () => {
    h = createHarness();
    const calls = await h.edit('من هو شويغو؟', { messageId: 777 });
    const [reply] = messages(calls);
    expect(reply!.payload.reply_parameters).toMatchObject({ message_id: 777 });
    expect(reply!.payload.text).toContain('شويغو');
  });

  it('splits an answer over 4,096 characters into valid messages, buttons on the last', async () => {
    const long: Answer = {
      answered: true,
      kind: 'meeting',
      meetingId: 'quad-2023-04',
      text: Array.from({ length: 120 }, (_, i) => `سطر ${i} <فيه> & رموز ${'كلام '.repeat(10)}`).join('\n'),
      citations: Array.from({ length: 6 }, (_, i) => ({ source: `s${i}`, title: `عنوان ${i}`, quote: 'اقتباس طويل '.repeat(60) })),
      suggestions: ['سؤال مقترح؟'],
      score: 1,
      matched: ['meeting:quad-2023-04'],
    };
    const fake = new Proxy(engine(), { get: (t, k) => (k === 'answer' ? () => long : Reflect.get(t, k)) }) as Engine;
    h = createHarness({ engine: fake });
    const sent = messages(await h.ask('أي شيء'));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const [i, m] of sent.entries()) {
      expect(checkTelegramHtml(m.payload.text as string).length).toBeLessThanOrEqual(4096);
      expect(m.payload.reply_parameters !== undefined).toBe(i === 0);
      expect(m.payload.reply_markup !== undefined).toBe(i === sent.length - 1);
    }
    expect(sent.map((m) => checkTelegramHtml(m.payload.text as string)).join('\n')).toContain('سطر 119 <فيه> & رموز');
  });
});
