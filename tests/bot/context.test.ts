import { describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { describeUpdate, identitiesOf } from '../../src/bot/context.ts';
import { lastUpdateId } from '../../src/bot/index.ts';
import { questionText } from '../../src/bot/middlewares/addressed.ts';
import { warmUp } from '../../src/bot/warm-up.ts';
import { BOT_INFO, createHarness } from '../helpers/bot.ts';
import { engine } from '../helpers/engine.ts';

const message = (fields: Record<string, unknown>) =>
  ({ update_id: 5, message: { message_id: 1, date: 0, chat: { id: 77, type: 'private', first_name: 'Zainab' }, from: { id: 77, is_bot: false, first_name: 'Zainab', username: 'zainab_x' }, ...fields } }) as Update;

describe('describeUpdate', () => {
  it('names the update kind and the message kind, nothing else', () => {
    expect(describeUpdate(message({ text: 'سر' }))).toBe('message:text');
    expect(describeUpdate(message({ sticker: {} }))).toBe('message:sticker');
    expect(describeUpdate({ update_id: 1, inline_query: {} } as Update)).toBe('inline_query');
  });
});

describe('identitiesOf', () => {
  it('collects the ids, names, usernames and text of an update, longest first', () => {
    const ids = identitiesOf(message({ text: 'سؤال خاص جدا', reply_to_message: { message_id: 2, date: 0, chat: { id: 77, type: 'private' }, from: { id: 99, is_bot: false, first_name: 'Omar' } } }));
    for (const s of ['77', 'Zainab', 'zainab_x', 'سؤال خاص جدا', '99', 'Omar']) expect(ids).toContain(s);
    expect(ids[0]).toBe('سؤال خاص جدا');
  });
});

describe('questionText', () => {
  it('removes mentions of the bot only', () => {
    const text = '@moscow_talks_bot من حضر @someone الاجتماع؟';
    const entities = [
      { type: 'mention' as const, offset: 0, length: 17 },
      { type: 'mention' as const, offset: 25, length: 8 },
    ];
    expect(questionText({ text, entities }, BOT_INFO)).toBe('من حضر @someone الاجتماع؟');
    expect(questionText({ text: '  سؤال  ' }, BOT_INFO)).toBe('  سؤال  ');
  });
});

describe('lastUpdateId', () => {
  it('tracks the newest update the bot started to handle', async () => {
    const h = createHarness();
    expect(lastUpdateId(h.bot)).toBeUndefined();
    await h.handle({ update_id: 41, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'x' }, from: { id: 1, is_bot: false, first_name: 'x' }, text: 'مرحبا' } } as Update);
    await h.handle({ update_id: 40, message: { message_id: 2, date: 0, chat: { id: 1, type: 'private', first_name: 'x' }, from: { id: 1, is_bot: false, first_name: 'x' }, text: 'مرحبا' } } as Update);
    expect(lastUpdateId(h.bot)).toBe(41);
  });
});

describe('warmUp', () => {
  it('answers the requested number of questions from the knowledge base in slices', async () => {
    let answered = 0;
    const counting = new Proxy(engine(), {
      get: (t, k) => (k === 'answer' ? (q: string, c?: object) => (answered++, t.answer(q, c)) : Reflect.get(t, k)),
    });
    expect(await warmUp(counting, { answers: 30, slice: 7 })).toBe(30);
    expect(answered).toBe(30);
  });
});
