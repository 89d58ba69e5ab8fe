/**
 * Per-chat session: only what the engine needs for follow-ups — the id of the meeting the last answer
 * was about and the ids of the knowledge entries it came from (nothing the user typed). Stored
 * behind grammY's `StorageAdapter` (in memory by default, with a time to live, so another store such
 * as Redis can replace it), under a key derived from the chat id with an HMAC, so the store never
 * holds a chat id.
 */
import { createHmac } from 'node:crypto';
import type { StorageAdapter } from 'grammy';

/** What the bot keeps per chat: the previous answer's context for the engine. */
export interface SessionData {
  /** The meeting the previous answer was about: «ومن حضره؟» then refers to it. */
  meetingId?: string;
  /** The knowledge entries the previous answer came from (`fact:…`, `meeting:…`, `entity:…`). */
  focus?: string[];
}

export interface MemoryStorageOptions {
  /** Entries not written for this long are gone. */
  readonly ttlMs: number;
  /** At most this many chats are kept; the least recently written go first. Default 100,000. */
  readonly maxEntries?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * An in-memory `StorageAdapter` whose entries expire `ttlMs` after their last write (expired
 * entries are swept as new ones are written, so memory stays bounded by the active chats).
 * @example
 * createBot(token, { config, logger, engine, sessionStorage: createMemoryStorage({ ttlMs: 3_600_000 }) });
 */
export function createMemoryStorage<T>(options: MemoryStorageOptions): StorageAdapter<T> & { readonly size: number } {
  const { ttlMs, maxEntries = 100_000, now = Date.now } = options;
  const entries = new Map<string, { value: T; expires: number }>();
  let writesSinceSweep = 0;
  const sweep = () => {
    const t = now();
    for (const [key, entry] of entries) if (entry.expires <= t) entries.delete(key);
    writesSinceSweep = 0;
  };
  return {
    read(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return structuredClone(entry.value);
    },
    write(key, value) {
      entries.delete(key); // re-insert: the Map's order is the order of last writes
      entries.set(key, { value: structuredClone(value), expires: now() + ttlMs });
      if (++writesSinceSweep >= 1000) sweep();
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    has(key) {
      const entry = entries.get(key);
      return entry !== undefined && entry.expires > now();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The session key of a chat: an HMAC-SHA256 of its id under a secret (the bot token), so the store
 * holds no chat id yet the key is stable across restarts.
 * @example
 * sessionKey(123456789, token); // 'b7Yq…' (22 characters)
 */
export function sessionKey(chatId: number, secret: string): string {
  return createHmac('sha256', secret).update(`session:${chatId}`).digest('base64url').slice(0, 22);
}
