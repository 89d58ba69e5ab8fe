/**
 * The connection to Redis shared by every store (sessions, rate limits, update ids, declined
 * questions), and what happens when Redis goes away: the stores fail open to this instance's memory.
 *
 * - Commands never wait for a connection: with the offline queue off, a command sent while Redis is
 *   down fails at once, and a command to a Redis that hangs fails after `commandTimeoutMs`. An outage
 *   therefore costs an update at most one timeout, never grammY's webhook timeout.
 * - After a failure the link is "down": stores use their fallback without trying Redis for a second,
 *   then try again. ioredis reconnects in the background (every 100 ms to 1 s).
 * - One warning when an outage starts and one line when it ends, not one per update.
 * - Keys are `mtb:<kind>:<…>`; none of them holds a chat id, user id or name (see the stores). Several
 *   bots on one Redis server: give each its own database number (`redis://host:6379/2`).
 */
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

/** ioredis, loaded on first use: a bot without REDIS_URL never pays for loading it at start. */
function redisClass(): typeof Redis {
  return (createRequire(import.meta.url)('ioredis') as typeof import('ioredis')).Redis;
}
import type { Logger } from '../logger.ts';

/** Every key the bot writes starts with this. */
export const KEY_PREFIX = 'mtb:';

export interface RedisLinkOptions {
  readonly logger: Logger;
  /** A command that takes longer fails and counts as an outage (default 250 ms). */
  readonly commandTimeoutMs?: number;
  /** After a failure, use the fallbacks for this long before trying Redis again (default 1,000 ms). */
  readonly cooldownMs?: number;
  /** Give up a connection attempt after this long (default 2,000 ms). */
  readonly connectTimeoutMs?: number;
}

/**
 * A Redis connection that knows whether Redis is usable, and runs each operation with a fallback.
 * @example
 * const link = createRedisLink(config.redisUrl, { logger });
 * const value = await link.attempt((redis) => redis.get(link.key('session', id)), () => memory.read(id));
 */
export interface RedisLink {
  /** The ioredis client (for scripts and commands inside {@link RedisLink.attempt}). */
  readonly client: Redis;
  /** `up` while Redis answers; `down` during an outage (reported by /healthz). */
  readonly state: 'up' | 'down';
  /** `mtb:<parts joined by ":">`. */
  key(...parts: readonly (string | number)[]): string;
  /**
   * Runs `operation` on Redis; when Redis is down, or the operation fails or times out, runs
   * `fallback` instead (and reports the outage, once). Never rejects because of Redis.
   */
  attempt<T>(operation: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  /** Calls `listener` each time Redis is back after an outage (e.g. to copy what was kept in memory meanwhile). */
  onRecover(listener: () => void): void;
  /** Resolves true once connected, false after `timeoutMs` without a connection. */
  ready(timeoutMs: number): Promise<boolean>;
  /** Closes the connection (QUIT, or a hard disconnect after 1 s). */
  close(): Promise<void>;
}

/**
 * Connects to Redis (in the background: it never throws for an unreachable server).
 * @example
 * const link = createRedisLink('redis://127.0.0.1:6379', { logger });
 * if (!(await link.ready(3000))) logger.warn('Redis is not there yet; carrying on with memory');
 */
export function createRedisLink(url: string, options: RedisLinkOptions): RedisLink {
  const { logger, commandTimeoutMs = 250, cooldownMs = 1000, connectTimeoutMs = 2000 } = options;
  const client = new (redisClass())(url, {
    // Fail fast instead of queueing: a command while disconnected rejects at once.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    disconnectTimeout: 200,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    enableAutoPipelining: true,
    lazyConnect: false,
  });
  let state: 'up' | 'down' = 'up';
  let coolUntil = 0;
  let outageStarted = 0;
  let everReady = false;
  const recoverListeners: (() => void)[] = [];

  const markDown = (reason: unknown) => {
    coolUntil = Date.now() + cooldownMs;
    if (state === 'down') return;
    state = 'down';
    outageStarted = Date.now();
    logger.warn(
      { err: reason instanceof Error ? { type: reason.name, message: reason.message } : { message: String(reason) } },
      'Redis is unavailable: sessions, rate limits and update ids use this instance\'s memory until it is back',
    );
  };
  const markUp = () => {
    coolUntil = 0;
    if (state === 'up') return;
    state = 'up';
    logger.info({ outageMs: Date.now() - outageStarted }, 'Redis is back: shared state resumes');
    for (const listener of recoverListeners) listener();
  };

  client.on('ready', () => {
    everReady = true;
    markUp();
  });
  client.on('close', () => {
    if (everReady) markDown(new Error('connection to Redis closed'));
  });
  // ioredis emits an error on every failed reconnection attempt: the outage is reported once by markDown.
  client.on('error', (error: Error) => {
    if (!everReady) markDown(error);
    logger.debug({ err: { type: error.name, message: error.message } }, 'Redis connection error');
  });

  return {
    client,
    get state() {
      return state;
    },
    key: (...parts) => `${KEY_PREFIX}${parts.join(':')}`,
    async attempt(operation, fallback) {
      if (client.status !== 'ready' || Date.now() < coolUntil) {
        if (client.status !== 'ready') markDown(new Error(`Redis connection is ${client.status}`));
        return fallback();
      }
      try {
        const result = await operation(client);
        if (state === 'down') markUp();
        return result;
      } catch (error) {
        if (isReplyError(error)) throw error; // a bug in a command, not an outage
        markDown(error);
        return fallback();
      }
    },
    onRecover(listener) {
      recoverListeners.push(listener);
    },
    ready(timeoutMs) {
      if (client.status === 'ready') return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        client.once('ready', onReady);
      });
    },
    async close() {
      client.removeAllListeners('close');
      const timer = setTimeout(() => client.disconnect(), 1000);
      try {
        if (client.status === 'ready') await client.quit();
        else client.disconnect();
      } catch {
        client.disconnect();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Redis answered with an error (wrong type, bad script): a programming error, not an outage. */
function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}
