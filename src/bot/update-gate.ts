/**
 * Never answering the same update twice. Telegram sends an update again when the webhook's answer is
 * slow or fails (and, with several instances behind a load balancer, the second delivery may reach
 * another instance). Each update id is claimed before it is handled and marked done after:
 * - `new`: this instance handles it;
 * - `busy`: someone is handling it right now: the webhook answers 503, so that Telegram tries again
 *   later (by then it is done, or — if the instance handling it crashed — its claim has lapsed and the
 *   update is handled after all);
 * - `done`: handled already: answered 200 and dropped.
 * In memory (bounded) by default; in Redis with `REDIS_URL` (see redis/update-gate.ts). Update ids
 * identify no one.
 */
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from './context.ts';

/** What {@link UpdateGate.claim} found. */
export type Claim = 'new' | 'busy' | 'done';

/**
 * @example
 * if ((await gate.claim(update.update_id)) === 'new') { await bot.handleUpdate(update); await gate.finish(update.update_id); }
 */
export interface UpdateGate {
  /** Claims the update for this instance, or says who has it. */
  claim(updateId: number): Promise<Claim>;
  /** Marks a claimed update as handled. */
  finish(updateId: number): Promise<void>;
}

export interface MemoryUpdateGateOptions {
  /** How many update ids to remember (default 100,000; the oldest are forgotten first). */
  readonly maxEntries?: number;
  /** A claim not finished after this long lapses (default 60 s). */
  readonly claimMs?: number;
  /** A finished update is remembered this long (default 1 hour). */
  readonly doneMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** The in-memory gate, which can also forget an id (when another instance turns out to have it). */
export interface MemoryUpdateGate extends UpdateGate {
  forget(updateId: number): void;
  readonly size: number;
}

/** How long a claim and a finished update are remembered, in every store. */
export const UPDATE_CLAIM_MS = 60_000;
export const UPDATE_DONE_MS = 60 * 60_000;

/**
 * The update ids of this process, in a bounded map.
 * @example
 * const gate = createMemoryUpdateGate();
 * await gate.claim(42); // 'new'
 * await gate.claim(42); // 'busy'
 */
export function createMemoryUpdateGate(options: MemoryUpdateGateOptions = {}): MemoryUpdateGate {
  const { maxEntries = 100_000, claimMs = UPDATE_CLAIM_MS, doneMs = UPDATE_DONE_MS, now = Date.now } = options;
  const entries = new Map<number, { state: 'busy' | 'done'; expires: number }>();
  const set = (id: number, state: 'busy' | 'done', ttl: number) => {
    entries.delete(id); // re-insert: the map's order is the order of last change
    entries.set(id, { state, expires: now() + ttl });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  return {
    claim(id) {
      const entry = entries.get(id);
      if (entry && entry.expires > now()) return Promise.resolve(entry.state);
      set(id, 'busy', claimMs);
      return Promise.resolve('new');
    },
    finish(id) {
      set(id, 'done', doneMs);
      return Promise.resolve();
    },
    forget(id) {
      entries.delete(id);
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Middleware for long polling: skips an update whose id was handled (or is being handled) already.
 * Harmless there (getUpdates never repeats a confirmed update); the webhook server uses the gate itself,
 * before the update reaches grammY, to choose its HTTP status.
 * @example
 * bot.use(skipDuplicateUpdates(createMemoryUpdateGate()));
 */
export function skipDuplicateUpdates(gate: UpdateGate): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    const claim = await gate.claim(id);
    if (claim !== 'new') {
      ctx.logger.info({ claim }, 'duplicate update skipped');
      return;
    }
    try {
      await next();
    } finally {
      await gate.finish(id);
    }
  };
}
