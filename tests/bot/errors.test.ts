import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { botText } from '../../src/locale/ar.ts';
import { ALICE, BOB, GROUP, TOKEN, createHarness } from '../helpers/bot.ts';
import { engine } from '../helpers/engine.ts';

/** An engine whose answer() throws for one question and works otherwise. */
const flaky = (): Engine =>
  new Proxy(engine(), {
    get: (target, key) =>
      key === 'answer'
        ? (q: string, c?: object) => {
            if (q.includes('انفجار')) throw new Error(`engine exploded on purpose for ${ALICE.first_name}`);
            return target.answer(q, c);
          }
        : Reflect.get(target, key),
  });

describe('error boundary', () => {
  it('apologises in Arabic when a feature throws, logs the update id, and keeps handling updates', async () => {
    const h = createHarness({ engine: flaky() });
    const calls = await h.ask('انفجار');
    const replies = calls.filter((c) => c.method === 'sendMessage');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.payload.text).toBe(botText.apology);
    expect(replies[0]!.payload.reply_parameters).toBeDefined();
    const line = h.log().split('\n').find((l) => l.includes('update failed'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'error', update_id: expect.any(Number), update: 'message:text', err: { message: expect.any(String) } });
    // The next update is answered normally.
    const next = await h.ask('من هو شويغو؟');
    expect(next.find((c) => c.method === 'sendMessage')!.payload.text).toContain('المصادر');
  });

  it('apologises with a toast and a message when a button press fails', async () => {
    const broken = engine().examples(3)[0]!;
    const h = createHarness({
      engine: new Proxy(engine(), {
        get: (t, k) => (k === 'answer' ? (q: string, c?: object) => (q === broken ? (() => { throw new Error('boom'); })() : t.answer(q, c)) : Reflect.get(t, k)),
      }),
    });
    const welcome = (await h.ask('/start')).find((c) => c.method === 'sendMessage')!;
    const button = (welcome.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard[0]![0]!;
    expect(button.text).toBe(broken);
    const calls = await h.press(button.callback_data);
    // The press was acknowledged before the failure, so the apology is a message (the second toast is refused by Telegram).
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'answerCallbackQuery', 'sendMessage']);
    expect(calls[1]!.payload.text).toBe(botText.toast.apology);
    expect(calls[2]!.payload.text).toBe(botText.apology);
  });

  it('survives Telegram refusing the answer itself (400), apologising in plain text', async () => {
    const h = createHarness();
    h.fail('sendMessage', { error_code: 400, description: "Bad Request: can't parse entities" }, 1);
    const calls = await h.ask('من هو شويغو؟');
    const sends = calls.filter((c) => c.method === 'sendMessage');
    expect(sends).toHaveLength(2);
    expect(sends[1]!.payload.text).toBe(botText.apology);
    expect(sends[1]!.payload.parse_mode).toBeUndefined();
    expect(h.log()).toContain("can't parse entities");
  });

  it('does not crash when even the apology fails', async () => {
    const h = createHarness({ engine: flaky() });
    h.fail('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(h.ask('انفجار')).resolves.toBeDefined();
    expect(h.log()).toContain('could not send the apology');
  });
});

describe('logs', () => {
  it('never contain user ids, names, usernames, chat ids, message text or the token', async () => {
    const h = createHarness({ engine: flaky(), env: { TYPING_DELAY_MS: '0' } });
    h.fail('sendChatAction', { error_code: 400, description: 'Bad Request: chat not found' }, 1);
    await h.ask('من حضر الاجتماع الرباعي؟ سرّي-جدًا');
    await h.ask('ومن حضره؟');
    await h.ask('انفجار');
    await h.ask('/start');
    await h.press('m:quad-2023-04');
    await h.press('forged<data>');
    await h.inline('من هو شويغو؟ سرّي-جدًا');
    await h.ask('من هو شويغو؟', { from: BOB });
    const text = '@moscow_talks_bot من هو شويغو؟';
    await h.group(text, { entities: [{ type: 'mention', offset: 0, length: 17 }] });
    await h.other({ sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } });
    const log = h.log();
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    for (const secret of [
      String(ALICE.id), ALICE.first_name, ALICE.last_name!, ALICE.username!,
      String(BOB.id), BOB.first_name, BOB.username!,
      String(GROUP.id), GROUP.title,
      'سرّي-جدًا', 'من حضر الاجتماع', TOKEN, TOKEN.split(':')[1]!,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    // Every line is JSON with the update's id and kind.
    for (const line of log.trim().split('\n')) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.update_id, line).toEqual(expect.any(Number));
      expect(entry.update, line).toEqual(expect.any(String));
    }
  });
});
