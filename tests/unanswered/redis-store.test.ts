import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createRedisLink, type RedisLink } from '../../src/redis/link.ts';
import { RedisUnansweredStore } from '../../src/unanswered/redis-store.ts';
import { startRedis, type RedisServer } from '../../src/testing/redis-server.ts';

let redis: RedisServer;
let link: RedisLink;
beforeAll(async () => {
  redis = await startRedis();
  link = createRedisLink(redis.url, { logger: createLogger({ level: 'silent' }), cooldownMs: 50 });
  await link.ready(5000);
});
afterAll(async () => {
  await link.close();
  await redis.stop();
});

const entry = (question: string) => ({ at: new Date().toISOString(), question, reason: 'not-covered', suggestions: ['س؟'] });

describe('RedisUnansweredStore', () => {
  it('appends entries from concurrent writers, reads them oldest first, and keeps only the newest `cap`', async () => {
    const store = new RedisUnansweredStore(link, 50);
    await Promise.all(Array.from({ length: 80 }, (_, i) => store.record(entry(`سؤال ${i}`))));
    const all = await store.readAll();
    expect(all).toHaveLength(50);
    expect(new Set(all.map((e) => e.question)).size).toBe(50);
    expect(await redis.client().llen('mtb:unanswered')).toBe(50);
    await store.record(entry('الأحدث'));
    expect((await store.readAll()).at(-1)?.question).toBe('الأحدث');
  });

  it('keeps entries in memory while Redis is away and writes them when it is back', async () => {
    const store = new RedisUnansweredStore(link, 1000);
    await redis.stop();
    await store.record(entry('أثناء الانقطاع'));
    await redis.start();
    await expect.poll(() => link.state, { timeout: 5000 }).toBe('up');
    await expect.poll(async () => (await store.readAll()).map((e) => e.question), { timeout: 5000 }).toEqual(['أثناء الانقطاع']);
  });
});
