import { afterEach, describe, expect, it } from 'vitest';
import { checkTelegramHtml, createHarness, declinedQuestion, type Harness } from '../../helpers/bot.ts';
import { engine } from '../../helpers/engine.ts';

let h: Harness;
afterEach(() => expect(h.violations).toEqual([]));

interface Article {
  type: string;
  id: string;
  title: string;
  description?: string;
  input_message_content: { message_text: string; parse_mode: string };
}
const resultsOf = async (query: string) => {
  const calls = await h.inline(query);
  expect(calls.map((c) => c.method)).toEqual(['answerInlineQuery']);
  return { results: calls[0]!.payload.results as Article[], payload: calls[0]!.payload };
};

describe('inline mode', () => {
  it('answers a question with cited articles (the answer first, then its meeting card)', async () => {
    h = createHarness();
    const { results } = await resultsOf('من حضر الاجتماع الرباعي؟');
    expect(results.length).toBeGreaterThanOrEqual(1);
    expect(results.length).toBeLessThanOrEqual(5);
    const [first] = results;
    expect(first!.type).toBe('article');
    expect(first!.title).toBe('من حضر الاجتماع الرباعي؟');
    const text = checkTelegramHtml(first!.input_message_content.message_text);
    expect(text).toContain(engine().answer('من حضر الاجتماع الرباعي؟').text);
    expect(text).toMatch(/المصادر|المصدر/);
    expect(results.map((r) => r.id)).toContain('m:quad-2023-04');
    for (const r of results) expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
  });

  it('offers only answered results: for a declined question, the answers to its suggestions', async () => {
    h = createHarness();
    const q = declinedQuestion(engine());
    const { results } = await resultsOf(q);
    const answered = engine().answer(q).suggestions.filter((s) => engine().answer(s).answered);
    expect(results.map((r) => r.title)).toEqual(answered.slice(0, 5));
    for (const r of results) expect(checkTelegramHtml(r.input_message_content.message_text)).toMatch(/المصادر|المصدر/);
  });

  it('lists the meetings for an empty query, newest first', async () => {
    h = createHarness();
    const { results } = await resultsOf('   ');
    expect(results.map((r) => r.id)).toEqual(engine().meetings().map((m) => `m:${m.id}`));
    expect(results.map((r) => r.title)).toEqual(engine().meetings().map((m) => m.shortTitle));
    for (const r of results) checkTelegramHtml(r.input_message_content.message_text);
  });

  it('returns no result (and a button to open the bot) when nothing is answerable', async () => {
    const nothing = { answered: false, kind: 'decline', text: 'لا', citations: [], suggestions: [], score: 0, matched: [] };
    h = createHarness({ engine: new Proxy(engine(), { get: (t, k) => (k === 'answer' ? () => nothing : Reflect.get(t, k)) }) });
    const { results, payload } = await resultsOf('سؤال');
    expect(results).toEqual([]);
    expect(payload.button).toMatchObject({ start_parameter: 'inline' });
  });

  it('keeps hostile text out of the markup', async () => {
    h = createHarness();
    const { results } = await resultsOf('<b>من</b> حضر الاجتماع الرباعي & <script>');
    for (const r of results) checkTelegramHtml(r.input_message_content.message_text);
  });

  it('never logs the inline query user', async () => {
    h = createHarness();
    await resultsOf('من حضر الاجتماع الرباعي؟');
    expect(h.log()).toContain('"update":"inline_query"');
    expect(h.log()).not.toMatch(/731004211|AliceFirstName|alice_private_handle/);
  });
});
