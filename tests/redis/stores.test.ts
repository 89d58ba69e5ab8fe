/**
 * The Redis stores against a real redis-server: what two instances share, what they do while Redis is
 * away, and what they copy back when it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryUpdateGate } from '../../src/bot/update-gate.ts';
import { createLogger } from '../../src/logger.ts';
import { createRedisLink, type RedisLink } from '../../src/redis/link.ts';
import { createRedisRateLimitStore } from '../../src/redis/rate-limit-store.ts';
import { createRedisSessionStorage } from '../../src/redis/session-storage.ts';
import { createRedisUpdateGate } from '../../src/redis/update-gate.ts';
import { startRedis, type RedisServer } from '../../src/testing/redis-server.ts';

let redis: RedisServer;
const links: RedisLink[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const link of links) await link.close();
  await redis.stop();
});

/** A link as one instance has it. */
async function instance(): Promise<RedisLink> {
  const link = createRedisLink(redis.url, { logger: createLogger({ level: 'silent' }), cooldownMs: 50 });
  links.push(link);
  expect(await link.ready(5000)).toBe(true);
  return link;
}

async function outage(links: readonly RedisLink[], during: () => Promise<void>): Promise<void> {
  await redis.stop();
  await during();
  await redis.start();
  for (const link of links) await expect.poll(() => link.state, { timeout: 5000 }).toBe('up');
}

describe('Redis session storage', () => {
  it('is shared by instances, expires, and deletes', async () => {
    const [a, b] = [await instance(), await instance()];
    const sa = createRedisSessionStorage<{ meetingId: string }>(a, { ttlMs: 300 });
    const sb = createRedisSessionStorage<{ meetingId: string }>(b, { ttlMs: 300 });
    await sa.write('k1', { meetingId: 'quad-2023-04' });
    expect(await sb.read('k1')).toEqual({ meetingId: 'quad-2023-04' });
    expect(await redis.client().pttl('mtb:session:k1')).toBeGreaterThan(0);
    await sb.delete('k1');
    expect(await sa.read('k1')).toBeUndefined();
    await sa.write('k2', { meetingId: 'x' });
    await new Promise((r) => setTimeout(r, 400));
    expect(await sb.read('k2')).toBeUndefined();
  });

  it('keeps sessions in memory during an outage and copies them to Redis when it is back', async () => {
    const [a, b] = [await instance(), await instance()];
    const sa = createRedisSessionStorage<{ meetingId: string }>(a, { ttlMs: 60_000 });
    const sb = createRedisSessionStorage<{ meetingId: string }>(b, { ttlMs: 60_000 });
    await outage([a, b], async () => {
      await sa.write('during', { meetingId: 'trilateral-2022-12' });
      expect(await sa.read('during')).toEqual({ meetingId: 'trilateral-2022-12' });
      expect(await sb.read('during')).toBeUndefined();
    });
    await expect.poll(() => sb.read('during'), { timeout: 5000 }).toEqual({ meetingId: 'trilateral-2022-12' });
  });
});

describe('Redis rate-limit store', () => {
  it('counts hits of one key across instances in one window, then starts a new window', async () => {
    const [a, b] = [await instance(), await instance()];
    const [ra, rb] = [createRedisRateLimitStore(a), createRedisRateLimitStore(b)];
    expect(await ra.hit('user', 300)).toMatchObject({ count: 1 });
    expect(await rb.hit('user', 300)).toMatchObject({ count: 2 });
    const third = await ra.hit('user', 300);
    expect(third.count).toBe(3);
    expect(third.resetInMs).toBeGreaterThan(0);
    expect(third.resetInMs).toBeLessThanOrEqual(300);
    await new Promise((r) => setTimeout(r, 350));
    expect(await rb.hit('user', 300)).toMatchObject({ count: 1 });
  });

  it('counts in memory while Redis is away', async () => {
    const a = await instance();
    const store = createRedisRateLimitStore(a);
    await outage([a], async () => {
      expect((await store.hit('u2', 10_000)).count).toBe(1);
      expect((await store.hit('u2', 10_000)).count).toBe(2);
    });
  });
});

describe('Redis update gate', () => {
  it('lets exactly one instance claim an update; the others hear busy, then done', async () => {
    const [a, b] = [await instance(), await instance()];
    const [ga, gb] = [createRedisUpdateGate(a), createRedisUpdateGate(b)];
    const claims = await Promise.all([ga.claim(101), gb.claim(101), ga.claim(101), gb.claim(101)]);
    expect(claims.filter((c) => c === 'new')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(3);
    await (claims[0] === 'new' || claims[2] === 'new' ? ga : gb).finish(101);
    expect(await ga.claim(101)).toBe('done');
    expect(await gb.claim(101)).toBe('done');
    expect(await redis.client().get('mtb:update:101')).toBe('done');
  });

  it('lets a claim lapse (an instance died mid-update) so that another instance handles the update', async () => {
    const [a, b] = [await instance(), await instance()];
    const ga = createRedisUpdateGate(a, { claimMs: 100 });
    const gb = createRedisUpdateGate(b, { claimMs: 100 });
    expect(await ga.claim(202)).toBe('new');
    expect(await gb.claim(202)).toBe('busy');
    await new Promise((r) => setTimeout(r, 150));
    expect(await gb.claim(202)).toBe('new');
  });

  it('still refuses repeats on one instance while Redis is away', async () => {
    const a = await instance();
    const gate = createRedisUpdateGate(a, { local: createMemoryUpdateGate() });
    await outage([a], async () => {
      expect(await gate.claim(303)).toBe('new');
      await gate.finish(303);
      expect(await gate.claim(303)).toBe('done');
    });
  });
});
