/**
 * Rate-limit counts in Redis, shared by every instance: `mtb:rate:<HMAC of the user id>` is a counter
 * that expires with its window. While Redis is down, this instance counts in memory (fail open).
 */
import { createMemoryRateLimitStore, type RateLimitHit, type RateLimitStore } from '../bot/middlewares/rate-limit.ts';
import type { RedisLink } from './link.ts';

/** INCR, start the window on the first hit, and say how long it has left. One round trip, atomic. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

interface HitCommand {
  mtbRateHit(key: string, windowMs: number): Promise<[number, number]>;
}

/**
 * @example
 * bot.use(rateLimit({ limit: 20, windowMs: 10_000, store: createRedisRateLimitStore(link), secret: token }));
 */
export function createRedisRateLimitStore(link: RedisLink, fallback: RateLimitStore = createMemoryRateLimitStore()): RateLimitStore {
  link.client.defineCommand('mtbRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const redis = link.client as unknown as HitCommand;
  return {
    hit(key, windowMs) {
      return link.attempt(
        async (): Promise<RateLimitHit> => {
          const [count, resetInMs] = await redis.mtbRateHit(link.key('rate', key), windowMs);
          return { count, resetInMs };
        },
        () => fallback.hit(key, windowMs),
      );
    },
  };
}
