/**
 * The unanswered-questions log: every declined question, text only (normalized), with time and the
 * engine's top suggestions — never anything about who asked.
 */

/** One declined question. */
export interface UnansweredEntry {
  /** ISO time. */
  readonly at: string;
  /** The question, normalized (diacritics, hamzas, whitespace): no names, ids or chat data. */
  readonly question: string;
  /** Why it was declined (`decline` reason or kind). */
  readonly reason: string;
  /** The engine's suggestions at the time. */
  readonly suggestions: readonly string[];
}

/** Where declined questions are kept. */
export interface UnansweredStore {
  /** Where entries go: a JSONL file, or a capped Redis list (for /privacy). */
  readonly kind: 'file' | 'redis';
  /** Redis only: how many of the newest entries are kept. */
  readonly cap?: number;
  /** Appends one entry; never throws (a failure is reported through the returned promise only). */
  record(entry: UnansweredEntry): Promise<void>;
  /** Every readable entry, oldest first; partial or corrupt lines are skipped. */
  readAll(): Promise<UnansweredEntry[]>;
  close?(): Promise<void>;
}
