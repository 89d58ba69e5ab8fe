import { describe, expect, it } from 'vitest';
import { cleanQuestion, createUnansweredRecorder, declineReason } from '../../src/unanswered/recorder.ts';
import type { UnansweredEntry, UnansweredStore } from '../../src/unanswered/types.ts';
import { createLogger } from '../../src/logger.ts';
import { ALICE, createHarness, declinedQuestion, GROUP } from '../helpers/bot.ts';
import { engine } from '../helpers/engine.ts';

function memoryStore(): UnansweredStore & { entries: UnansweredEntry[] } {
  const entries: UnansweredEntry[] = [];
  return { kind: 'file', entries, record: async (e) => void entries.push(e), readAll: async () => [...entries] };
}

describe('cleanQuestion', () => {
  it('normalizes like the engine and removes handles, links, e-mail addresses and long numbers', () => {
    expect(cleanQuestion('مَن حضرَ الاجتماعَ؟')).toBe('من حضر الاجتماع?');
    expect(cleanQuestion('سؤال من @alice_private_handle عن https://t.me/x و alice@example.com')).toBe('سوال من @… عن … و …');
    expect(cleanQuestion('رقمي ٠٥٠١٢٣٤٥٦٧ و +44 20 7946 0958 وهويتي 731004211')).toBe('رقمي … و … وهويتي …');
    expect(cleanQuestion('ماذا حدث في 2022 و15 آذار؟')).toBe('ماذا حدث في 2022 و15 اذار?');
    expect(cleanQuestion('س'.repeat(2000))).toHaveLength(500);
  });
});

describe('declineReason', () => {
  it('tells foreign names, missing context and uncovered questions apart', () => {
    const e = engine();
    expect(declineReason(e.answer('ماذا قال بايدن عن الاجتماع الرباعي؟'))).toBe('foreign');
    expect(declineReason(e.answer('ومن حضره؟'))).toBe('no-context');
  });
});

describe('the unanswered-questions recorder', () => {
  it('records declines only: text, time, reason and suggestions', async () => {
    const store = memoryStore();
    const recorder = createUnansweredRecorder(store, { logger: createLogger({ level: 'silent' }), now: () => new Date('2026-11-23T10:00:00Z') });
    const e = engine();
    for (const q of ['ماذا قال بايدن عن الاجتماع الرباعي؟', 'مرحبا', 'من حضر الاجتماع الرباعي؟', '😀😀😀', '']) recorder.record(q, e.answer(q));
    await recorder.flush();
    expect(store.entries).toEqual([
      { at: '2026-11-23T10:00:00.000Z', question: 'ماذا قال بايدن عن الاجتماع الرباعي?', reason: 'foreign', suggestions: expect.any(Array) },
    ]);
    expect(store.entries[0]!.suggestions.length).toBeGreaterThan(0);
  });

  it('warns (once a minute at most) when the store fails, and never throws', async () => {
    let log = '';
    const failing: UnansweredStore = { kind: 'file', record: async () => Promise.reject(new Error('disk full')), readAll: async () => [] };
    const recorder = createUnansweredRecorder(failing, { logger: createLogger({ level: 'info', destination: { write: (l: string) => (log += l) } }) });
    const a = engine().answer('ماذا قال بايدن؟');
    for (let i = 0; i < 5; i++) recorder.record('ماذا قال بايدن؟', a);
    await recorder.flush();
    expect(log.split('could not record a declined question').length - 1).toBe(1);
  });
});

describe('the bot records what it declined', () => {
  it('records a declined question typed in a chat (or a group, without the mention), and nothing about who asked', async () => {
    const store = memoryStore();
    const h = createHarness({ bot: { unanswered: createUnansweredRecorder(store, { logger: createLogger({ level: 'silent' }) }) } });
    const declined = declinedQuestion(h.engine);
    await h.ask(declined);
    await h.group(`@moscow_talks_bot ${declined}`, { entities: [{ type: 'mention', offset: 0, length: 17 }] });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.entries.map((e) => e.question)).toEqual([cleanQuestion(declined), cleanQuestion(declined)]);
    const all = JSON.stringify(store.entries);
    for (const identity of [String(ALICE.id), ALICE.first_name, ALICE.username!, String(GROUP.id), GROUP.title]) expect(all).not.toContain(identity);
  });

  it('does not record answers, small talk, invalid input, commands, inline queries or buttons', async () => {
    const store = memoryStore();
    const h = createHarness({ bot: { unanswered: createUnansweredRecorder(store, { logger: createLogger({ level: 'silent' }) }) } });
    await h.ask('من حضر الاجتماع الرباعي؟');
    await h.ask('مرحبا');
    await h.ask('؟؟؟');
    await h.ask('/help');
    await h.inline(declinedQuestion(h.engine));
    await h.press('m:quad-2023-04');
    await new Promise((r) => setTimeout(r, 10));
    expect(store.entries).toEqual([]);
  });

  it('/privacy says declined questions are kept, and where, only when they are', async () => {
    const withLog = createHarness({ bot: { unanswered: createUnansweredRecorder(memoryStore(), { logger: createLogger({ level: 'silent' }) }) } });
    const text = (await withLog.ask('/privacy')).find((c) => c.method === 'sendMessage')!.payload.text as string;
    expect(text).toContain('الأسئلة التي لا تغطيها المقالات');
    expect(text).toContain('في ملف على الخادم');
    const without = createHarness();
    const plain = (await without.ask('/privacy')).find((c) => c.method === 'sendMessage')!.payload.text as string;
    expect(plain).not.toContain('الأسئلة التي لا تغطيها المقالات');
    const shared = createHarness({ env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    const sharedText = (await shared.ask('/privacy')).find((c) => c.method === 'sendMessage')!.payload.text as string;
    expect(sharedText).toContain('Redis');
  });
});
