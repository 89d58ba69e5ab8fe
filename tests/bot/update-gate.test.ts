import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createMemoryUpdateGate } from '../../src/bot/update-gate.ts';
import { ALICE, createHarness } from '../helpers/bot.ts';

describe('memory update gate', () => {
  it('says new, then busy while handled, then done; a claim lapses; the oldest ids are forgotten', async () => {
    let t = 0;
    const gate = createMemoryUpdateGate({ maxEntries: 3, claimMs: 100, doneMs: 1000, now: () => t });
    expect(await gate.claim(1)).toBe('new');
    expect(await gate.claim(1)).toBe('busy');
    await gate.finish(1);
    expect(await gate.claim(1)).toBe('done');
    expect(await gate.claim(2)).toBe('new');
    t = 150; // 2's claim lapsed: its instance died
    expect(await gate.claim(2)).toBe('new');
    t = 2000; // 1 is forgotten after doneMs
    expect(await gate.claim(1)).toBe('new');
    for (const id of [10, 11, 12, 13]) await gate.claim(id);
    expect(gate.size).toBe(3);
  });
});

describe('skipping repeated updates (long polling)', () => {
  it('answers an update id once', async () => {
    const h = createHarness({ bot: { updateGate: createMemoryUpdateGate() } });
    const update = {
      update_id: 77,
      message: { message_id: 9, date: 0, chat: { id: ALICE.id, type: 'private', first_name: ALICE.first_name }, from: { id: ALICE.id, is_bot: false, first_name: ALICE.first_name }, text: 'من هو شويغو؟' },
    } as Update;
    expect((await h.handle(update)).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await h.handle(update)).toEqual([]);
    expect(h.log()).toContain('duplicate update skipped');
  });
});
