/**
 * Sessions (follow-up context) in Redis, shared by every instance: `mtb:session:<HMAC of the chat id>`
 * holds the JSON of the session and expires `ttlMs` after its last write, as the memory store does.
 *
 * While Redis is down, sessions are read from and written to this instance's memory (fail open: the
 * conversation goes on if its next message reaches the same instance). When Redis is back, what was
 * written meanwhile is copied to it, and until then read from memory, so that nothing newer is lost.
 */
import type { StorageAdapter } from 'grammy';
import { createMemoryStorage } from '../bot/session.ts';
import type { RedisLink } from './link.ts';

/** At most this many sessions changed during one outage are copied to Redis when it is back. */
const MAX_PENDING = 100_000;

export interface RedisSessionStorageOptions {
  /** Entries expire this long after their last write. */
  readonly ttlMs: number;
}

/**
 * @example
 * createBot(token, { config, logger, engine, sessionStorage: createRedisSessionStorage(link, { ttlMs: 3_600_000 }) });
 */
export function createRedisSessionStorage<T>(link: RedisLink, options: RedisSessionStorageOptions): StorageAdapter<T> {
  const { ttlMs } = options;
  const memory = createMemoryStorage<T>({ ttlMs });
  /** Keys changed in memory during an outage: 'write' or 'delete' to replay on Redis. */
  const pending = new Map<string, 'write' | 'delete'>();
  const key = (k: string) => link.key('session', k);
  const remember = (k: string, change: 'write' | 'delete') => {
    pending.delete(k);
    pending.set(k, change);
    // A long outage with very many chats: forget the oldest changes rather than grow without bound.
    if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string);
  };

  const replay = async () => {
    for (const [k, change] of [...pending]) {
      const value = memory.read(k) as T | undefined;
      const ok = await link.attempt(
        async (redis) => {
          if (change === 'write' && value !== undefined) await redis.set(key(k), JSON.stringify(value), 'PX', ttlMs);
          else await redis.del(key(k));
          return true;
        },
        () => false,
      );
      if (!ok) return; // down again: keep the rest for the next recovery
      if (pending.get(k) === change) {
        pending.delete(k);
        memory.delete(k);
      }
    }
  };
  link.onRecover(() => void replay());

  return {
    read(k) {
      if (pending.has(k)) return memory.read(k);
      return link.attempt(
        async (redis) => {
          const json = await redis.get(key(k));
          return json === null ? undefined : (JSON.parse(json) as T);
        },
        () => memory.read(k),
      );
    },
    write(k, value) {
      return link.attempt(
        async (redis) => {
          await redis.set(key(k), JSON.stringify(value), 'PX', ttlMs);
          if (pending.delete(k)) memory.delete(k);
        },
        () => {
          memory.write(k, value);
          remember(k, 'write');
        },
      );
    },
    delete(k) {
      return link.attempt(
        async (redis) => {
          await redis.del(key(k));
          if (pending.delete(k)) memory.delete(k);
        },
        () => {
          memory.delete(k);
          remember(k, 'delete');
        },
      );
    },
  };
}
