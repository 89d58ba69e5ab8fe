/**
 * Where the bot keeps state, chosen by the configuration: without `REDIS_URL`, this process's memory
 * (sessions, rate limits, update ids) and the `UNANSWERED_LOG` file; with it, Redis for all four, so
 * that any number of instances behind a load balancer behave as one (each falls back to its own memory
 * while Redis is away; see redis/link.ts).
 */
import { resolve } from 'node:path';
import type { StorageAdapter } from 'grammy';
import type { RateLimitStore } from './bot/middlewares/rate-limit.ts';
import { createMemoryStorage, type SessionData } from './bot/session.ts';
import { createMemoryUpdateGate, type UpdateGate } from './bot/update-gate.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createRedisLink, type RedisLink } from './redis/link.ts';
import { createRedisRateLimitStore } from './redis/rate-limit-store.ts';
import { createRedisSessionStorage } from './redis/session-storage.ts';
import { createRedisUpdateGate } from './redis/update-gate.ts';
import { FileUnansweredStore } from './unanswered/file-store.ts';
import { createUnansweredRecorder, type UnansweredRecorder } from './unanswered/recorder.ts';
import { RedisUnansweredStore } from './unanswered/redis-store.ts';
import type { UnansweredStore } from './unanswered/types.ts';

/**
 * @example
 * const stores = await createStores(config, logger);
 * const bot = createBot(token, { config, logger, engine, ...stores.bot });
 * await stores.close();
 */
export interface Stores {
  /** For `createBot`. */
  readonly bot: {
    readonly sessionStorage: StorageAdapter<SessionData>;
    readonly rateLimitStore?: RateLimitStore;
    readonly unanswered?: UnansweredRecorder;
  };
  /** Update ids (the webhook server's, or `createBot({ updateGate })` when polling). */
  readonly updateGate: UpdateGate;
  /** The Redis connection, when `REDIS_URL` is set. */
  readonly redis?: RedisLink;
  /** For /healthz: `{ redis: 'up' | 'down' }` with Redis, `{}` without. */
  health(): Record<string, unknown>;
  /** Finishes pending writes and closes files and connections. */
  close(): Promise<void>;
}

export interface CreateStoresOptions {
  /** Wait this long for Redis at start before carrying on without it (default 3,000 ms). */
  readonly redisReadyTimeoutMs?: number;
}

/**
 * Creates the stores. With `REDIS_URL`, waits for the first connection a few seconds at most: an
 * unreachable Redis is a warning (the bot starts on memory and switches when Redis comes), not a failure.
 * @example
 * const stores = await createStores(createConfig(process.env), logger);
 */
export async function createStores(config: Config, logger: Logger, options: CreateStoresOptions = {}): Promise<Stores> {
  const ttlMs = config.sessionTtlMinutes * 60_000;
  let unansweredStore: UnansweredStore | undefined;
  if (!config.redisUrl) {
    if (config.unansweredLog) unansweredStore = new FileUnansweredStore(resolve(config.unansweredLog));
    const recorder = unansweredStore ? createUnansweredRecorder(unansweredStore, { logger }) : undefined;
    return {
      bot: { sessionStorage: createMemoryStorage<SessionData>({ ttlMs }), ...(recorder ? { unanswered: recorder } : {}) },
      updateGate: createMemoryUpdateGate(),
      health: () => ({}),
      close: async () => {
        await recorder?.flush();
        await unansweredStore?.close?.();
      },
    };
  }
  const link = createRedisLink(config.redisUrl, { logger });
  if (await link.ready(options.redisReadyTimeoutMs ?? 3000)) logger.info('connected to Redis');
  if (config.unansweredLog) unansweredStore = new RedisUnansweredStore(link);
  const recorder = unansweredStore ? createUnansweredRecorder(unansweredStore, { logger }) : undefined;
  return {
    bot: {
      sessionStorage: createRedisSessionStorage<SessionData>(link, { ttlMs }),
      rateLimitStore: createRedisRateLimitStore(link),
      ...(recorder ? { unanswered: recorder } : {}),
    },
    updateGate: createRedisUpdateGate(link),
    redis: link,
    health: () => ({ redis: link.state }),
    close: async () => {
      await recorder?.flush();
      await link.close();
    },
  };
}
