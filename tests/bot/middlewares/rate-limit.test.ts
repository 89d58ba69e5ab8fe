import { afterEach, describe, expect, it, vi } from 'vitest';
import { botText } from '../../../src/locale/ar.ts';
import { BOB, createHarness, type Harness } from '../../helpers/bot.ts';

let h: Harness;
afterEach(() => {
  vi.useRealTimers();
  expect(h.violations).toEqual([]);
});

describe('rate limit', () => {
  it('answers up to the limit, then sends ONE notice per window and drops the rest', async () => {
    h = createHarness({ env: { RATE_LIMIT_MESSAGES: '5', RATE_LIMIT_WINDOW_SECONDS: '10' } });
    const replies: string[][] = [];
    for (let i = 0; i < 12; i++) replies.push((await h.ask('من هو شويغو؟')).filter((c) => c.method === 'sendMessage').map((c) => c.payload.text as string));
    expect(replies.slice(0, 5).every((r) => r.length === 1 && r[0]!.includes('المصادر'))).toBe(true);
    expect(replies[5]).toEqual([botText.rateLimited(10)]);
    expect(replies.slice(6).every((r) => r.length === 0)).toBe(true);
  });

  it('limits each user separately', async () => {
    h = createHarness({ env: { RATE_LIMIT_MESSAGES: '2' } });
    for (let i = 0; i < 3; i++) await h.ask('من هو شويغو؟');
    const bob = await h.ask('من هو شويغو؟', { from: BOB });
    expect(bob.find((c) => c.method === 'sendMessage')!.payload.text).toContain('المصادر');
  });

  it('lets the user in again after the window, and notices once more in the next window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    h = createHarness({ env: { RATE_LIMIT_MESSAGES: '1', RATE_LIMIT_WINDOW_SECONDS: '10' } });
    await h.ask('من هو شويغو؟');
    expect((await h.ask('من هو شويغو؟')).map((c) => c.payload.text)).toEqual([botText.rateLimited(10)]);
    vi.advanceTimersByTime(10_001);
    expect((await h.ask('من هو شويغو؟')).some((c) => String(c.payload.text).includes('المصادر'))).toBe(true);
    expect((await h.ask('من هو شويغو؟')).map((c) => c.payload.text)).toEqual([botText.rateLimited(10)]);
    expect(await h.ask('من هو شويغو؟')).toEqual([]);
  });

  it('counts button presses and answers the excess one with a toast', async () => {
    h = createHarness({ env: { RATE_LIMIT_MESSAGES: '1' } });
    await h.press('m:quad-2023-04');
    const calls = await h.press('m:quad-2023-04');
    expect(calls).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: botText.rateLimited(10) }) }]);
  });

  it('does not count group chatter the bot ignores', async () => {
    h = createHarness({ env: { RATE_LIMIT_MESSAGES: '1' } });
    for (let i = 0; i < 5; i++) await h.group('كلام عادي في المجموعة');
    const calls = await h.group('/help');
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('/sources');
  });
});
