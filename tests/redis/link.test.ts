import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createRedisLink, type RedisLink } from '../../src/redis/link.ts';
import { freePort, startRedis, type RedisServer } from '../../src/testing/redis-server.ts';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

function linkTo(url: string, options: { commandTimeoutMs?: number; cooldownMs?: number } = {}): { link: RedisLink; log: () => string } {
  let out = '';
  const logger = createLogger({ level: 'info', destination: { write: (l: string) => (out += l) } });
  return { link: createRedisLink(url, { logger, ...options }), log: () => out };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('Redis link', () => {
  it('runs operations on Redis, prefixing keys with mtb:', async () => {
    const { link } = linkTo(redis.url);
    expect(await link.ready(5000)).toBe(true);
    expect(link.key('session', 'abc')).toBe('mtb:session:abc');
    expect(await link.attempt((r) => r.set(link.key('t', 1), 'v').then(() => r.get(link.key('t', 1))), () => 'fallback')).toBe('v');
    await link.close();
  });

  it('falls back at once while Redis is away, warns once per outage, and recovers by itself', async () => {
    const { link, log } = linkTo(redis.url, { cooldownMs: 100 });
    let recovered = 0;
    link.onRecover(() => recovered++);
    await link.ready(5000);
    await redis.stop();
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) expect(await link.attempt((r) => r.get('x'), () => 'memory')).toBe('memory');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(link.state).toBe('down');
    expect(count(log(), 'Redis is unavailable')).toBe(1);
    await redis.start();
    await expect.poll(() => link.state, { timeout: 5000 }).toBe('up');
    expect(recovered).toBe(1);
    expect(await link.attempt((r) => r.ping(), () => 'memory')).toBe('PONG');
    expect(log()).toContain('Redis is back');
    expect(count(log(), 'Redis is unavailable')).toBe(1);
    await link.close();
  });

  it('starts without Redis: one warning, and the fallbacks answer', async () => {
    const port = await freePort();
    const { link, log } = linkTo(`redis://127.0.0.1:${port}`);
    expect(await link.ready(300)).toBe(false);
    expect(await link.attempt((r) => r.ping(), () => 'memory')).toBe('memory');
    await new Promise((r) => setTimeout(r, 300));
    expect(count(log(), 'Redis is unavailable')).toBe(1);
    await link.close();
  });

  it('treats a Redis that hangs as down after the command timeout, without stalling the caller', async () => {
    const { link, log } = linkTo(redis.url, { commandTimeoutMs: 100, cooldownMs: 200 });
    await link.ready(5000);
    const admin = redis.client();
    // CLIENT PAUSE makes Redis hold every command of other clients for the given time.
    await admin.client('PAUSE', 700, 'ALL');
    const t0 = Date.now();
    expect(await link.attempt((r) => r.get('x'), () => 'memory')).toBe('memory');
    expect(Date.now() - t0).toBeLessThan(600);
    // cooling down: no new attempt for a while
    const t1 = Date.now();
    expect(await link.attempt((r) => r.get('x'), () => 'memory')).toBe('memory');
    expect(Date.now() - t1).toBeLessThan(50);
    expect(count(log(), 'Redis is unavailable')).toBe(1);
    await new Promise((r) => setTimeout(r, 800));
    expect(await link.attempt(async (r) => (await r.ping()) as string, () => 'memory')).toBe('PONG');
    expect(link.state).toBe('up');
    await link.close();
  });

  it('never prints the password of REDIS_URL', async () => {
    const { link, log } = linkTo(`redis://:SuperSecretRedisPassword@127.0.0.1:${redis.port}`);
    await link.ready(1000);
    await link.attempt((r) => r.ping(), () => 'memory');
    await link.close();
    expect(log()).not.toContain('SuperSecretRedisPassword');
  });
});
