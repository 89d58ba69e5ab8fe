/**
 * Declined questions in Redis, shared by every instance: `mtb:unanswered` is a list, newest first,
 * capped (LPUSH then LTRIM in one transaction, so concurrent writers never leave it over the cap or
 * with a partial entry). While Redis is down, entries wait in memory (up to 1,000) and are written when
 * it is back.
 */
import type { RedisLink } from '../redis/link.ts';
import { parseLines } from './file-store.ts';
import type { UnansweredEntry, UnansweredStore } from './types.ts';

/** Entries kept in Redis by default: the newest 10,000. */
export const UNANSWERED_REDIS_CAP = 10_000;
const MAX_BUFFERED = 1000;

/**
 * @example
 * const store = new RedisUnansweredStore(link);
 * await store.record({ at: new Date().toISOString(), question: 'ما موقف الاردن', reason: 'not-covered', suggestions: [] });
 */
export class RedisUnansweredStore implements UnansweredStore {
  readonly kind = 'redis' as const;
  private readonly buffer: string[] = [];
  private readonly key: string;

  constructor(
    private readonly link: RedisLink,
    readonly cap: number = UNANSWERED_REDIS_CAP,
  ) {
    this.key = link.key('unanswered');
    link.onRecover(() => void this.flush());
  }

  async record(entry: UnansweredEntry): Promise<void> {
    const line = JSON.stringify(entry);
    await this.link.attempt(
      (redis) => this.push(redis, [line]),
      () => {
        this.buffer.push(line);
        if (this.buffer.length > MAX_BUFFERED) this.buffer.shift();
      },
    );
  }

  async readAll(): Promise<UnansweredEntry[]> {
    const lines = await this.link.client.lrange(this.key, 0, -1);
    return parseLines(`${lines.reverse().join('\n')}\n`);
  }

  private async push(redis: RedisLink['client'], lines: string[]): Promise<void> {
    const result = await redis.multi().lpush(this.key, ...lines).ltrim(this.key, 0, this.cap - 1).exec();
    const failed = result?.find(([error]) => error);
    if (!result || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const lines = this.buffer.splice(0);
    await this.link.attempt(
      (redis) => this.push(redis, lines),
      () => void this.buffer.unshift(...lines),
    );
  }
}
