/**
 * The update gate in Redis, so that a second delivery of an update reaching another instance is not
 * answered again: `mtb:update:<update_id>` holds `busy` (with a 60 s lease) or `done` (for an hour).
 * This instance's memory is asked first and keeps working alone while Redis is down (fail open: during
 * an outage a repeated delivery to another instance may be answered twice).
 */
import { createMemoryUpdateGate, UPDATE_CLAIM_MS, UPDATE_DONE_MS, type Claim, type MemoryUpdateGate, type UpdateGate } from '../bot/update-gate.ts';
import type { RedisLink } from './link.ts';

/** SET NX the claim; otherwise say what is there. One round trip, atomic. */
const CLAIM_SCRIPT = `
if redis.call('SET', KEYS[1], 'busy', 'NX', 'PX', ARGV[1]) then return 'new' end
return redis.call('GET', KEYS[1]) or 'busy'
`;

interface ClaimCommand {
  mtbClaimUpdate(key: string, claimMs: number): Promise<string>;
}

export interface RedisUpdateGateOptions {
  /** This instance's own memory of update ids (default: a new one). */
  readonly local?: MemoryUpdateGate;
  readonly claimMs?: number;
  readonly doneMs?: number;
}

/**
 * @example
 * const gate = createRedisUpdateGate(link);
 * await gate.claim(update.update_id); // 'new' on exactly one instance
 */
export function createRedisUpdateGate(link: RedisLink, options: RedisUpdateGateOptions = {}): UpdateGate {
  const { claimMs = UPDATE_CLAIM_MS, doneMs = UPDATE_DONE_MS } = options;
  const local = options.local ?? createMemoryUpdateGate({ claimMs, doneMs });
  link.client.defineCommand('mtbClaimUpdate', { numberOfKeys: 1, lua: CLAIM_SCRIPT });
  const redis = link.client as unknown as ClaimCommand;
  return {
    async claim(id) {
      const mine = await local.claim(id);
      if (mine !== 'new') return mine;
      const shared = await link.attempt(async () => (await redis.mtbClaimUpdate(link.key('update', id), claimMs)) as Claim, () => 'new' as const);
      if (shared === 'done') await local.finish(id);
      else if (shared === 'busy') local.forget(id);
      return shared;
    },
    async finish(id) {
      await local.finish(id);
      await link.attempt(
        async (r) => void (await r.set(link.key('update', id), 'done', 'PX', doneMs)),
        () => undefined,
      );
    },
  };
}
