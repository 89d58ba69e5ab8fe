import { afterEach, describe, expect, it } from 'vitest';
import { botText } from '../../../src/locale/ar.ts';
import { createHarness, type Harness } from '../../helpers/bot.ts';

let h: Harness;
afterEach(() => expect(h.violations).toEqual([]));

describe('callback queries', () => {
  it('a stale meeting id (well-formed, no longer in the knowledge base) gets the stale toast', async () => {
    h = createHarness();
    const calls = await h.press('m:meeting-removed-2020');
    expect(calls).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: botText.toast.stale }) }]);
  });

  it('a stale question id (well-formed, unknown to this process) gets the stale toast', async () => {
    h = createHarness();
    const calls = await h.press('q:AAAAAAAAAAAA');
    expect(calls).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: botText.toast.stale }) }]);
  });

  it('forged, malformed or over-long data gets the invalid toast and nothing else', async () => {
    h = createHarness();
    for (const data of ['<script>alert(1)</script>', 'm:', 'm:../../etc', 'q:short', 'x:1', 'm:quad-2023-04:extra', `m:${'a'.repeat(70)}`, '‮', '']) {
      const calls = await h.press(data);
      expect(calls, data).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: botText.toast.invalid }) }]);
    }
    expect(h.log()).not.toContain('update failed');
  });

  it('a valid button pressed in an inline message (no chat to answer in) gets a toast, not a crash', async () => {
    h = createHarness();
    const calls = await h.press('m:quad-2023-04', { inlineMessage: true });
    expect(calls).toEqual([{ method: 'answerCallbackQuery', payload: expect.objectContaining({ text: botText.toast.invalid }) }]);
  });

  it('still sends the card when answering the callback query fails (query too old)', async () => {
    h = createHarness();
    h.fail('answerCallbackQuery', { error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' }, 1);
    const calls = await h.press('m:quad-2023-04');
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(calls[1]!.payload.text).toContain('<b>📌');
    expect(h.log()).toContain('answerCallbackQuery failed');
  });
});
