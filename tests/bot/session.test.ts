import { describe, expect, it } from 'vitest';
import { createMemoryStorage, sessionKey, type SessionData } from '../../src/bot/session.ts';
import { ALICE, BOB, createHarness, TOKEN } from '../helpers/bot.ts';

describe('memory session storage', () => {
  it('expires entries after the time to live', () => {
    let t = 0;
    const storage = createMemoryStorage<SessionData>({ ttlMs: 1000, now: () => t });
    storage.write('k', { meetingId: 'quad-2023-04' });
    t = 999;
    expect(storage.read('k')).toEqual({ meetingId: 'quad-2023-04' });
    t = 1000;
    expect(storage.read('k')).toBeUndefined();
    expect(storage.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the least recently written', () => {
    const storage = createMemoryStorage<SessionData>({ ttlMs: 60_000, maxEntries: 2 });
    storage.write('a', { meetingId: 'a' });
    storage.write('b', { meetingId: 'b' });
    storage.write('a', { meetingId: 'a2' });
    storage.write('c', { meetingId: 'c' });
    expect(storage.read('b')).toBeUndefined();
    expect(storage.read('a')).toEqual({ meetingId: 'a2' });
    expect(storage.size).toBe(2);
  });

  it('hands out copies, so a handler cannot change stored data behind its back', () => {
    const storage = createMemoryStorage<SessionData>({ ttlMs: 60_000 });
    const value = { meetingId: 'x' };
    storage.write('k', value);
    value.meetingId = 'y';
    expect(storage.read('k')).toEqual({ meetingId: 'x' });
  });
});

describe('session key', () => {
  it('is an HMAC of the chat id: stable, distinct per chat, and not the id', () => {
    const a = sessionKey(ALICE.id, TOKEN);
    expect(a).toBe(sessionKey(ALICE.id, TOKEN));
    expect(a).not.toBe(sessionKey(BOB.id, TOKEN));
    expect(a).not.toContain(String(ALICE.id));
    expect(a).not.toBe(sessionKey(ALICE.id, `${TOKEN}x`));
  });
});

describe('what the bot stores', () => {
  it('stores only the last answer\'s meeting and knowledge ids, under a hashed key, only for chats that got an answer', async () => {
    const storage = createMemoryStorage<SessionData>({ ttlMs: 60_000 });
    const entries = new Map<string, SessionData>();
    const spy = { ...storage, write: (k: string, v: SessionData) => (entries.set(k, v), storage.write(k, v)) };
    const h = createHarness({ sessionStorage: spy });
    await h.ask('مرحبا', { from: BOB });
    await h.ask('من حضر الاجتماع الرباعي؟');
    const expected = h.engine.answer('من حضر الاجتماع الرباعي؟');
    expect([...entries.values()]).toEqual([{ meetingId: 'quad-2023-04', focus: [...expected.matched] }]);
    expect(JSON.stringify([...entries.values()])).not.toContain('من حضر');
    expect([...entries.keys()]).toEqual([sessionKey(ALICE.id, TOKEN)]);
  });
});
