/**
 * Short ids for the questions behind suggestion and example buttons, so a button's callback data
 * stays far under 64 bytes whatever the Arabic question's length. An id is a hash of the question
 * (the same across restarts); the table remembers the latest questions it issued ids for, bounded,
 * and knows the engine's example questions from the start. A press whose id is no longer known is
 * stale: the bot says so in a toast.
 */
import { createHash } from 'node:crypto';

/**
 * @example
 * const table = new QuestionTable(engine.examples(20));
 * const id = table.idFor('من حضر الاجتماع الرباعي؟'); // e.g. 'Xk3q9dLw0aZ1'
 * table.questionFor(id); // 'من حضر الاجتماع الرباعي؟'
 */
export class QuestionTable {
  readonly #byId = new Map<string, string>();
  readonly #pinned = new Set<string>();
  readonly #capacity: number;

  /** `pinned` questions are never evicted; up to `capacity` others are remembered, oldest evicted first. */
  constructor(pinned: readonly string[] = [], capacity = 10_000) {
    this.#capacity = capacity;
    for (const q of pinned) this.#pinned.add(this.idFor(q));
  }

  /** The question's id (12 characters of base64url), remembering the question. */
  idFor(question: string): string {
    const id = questionId(question);
    if (this.#byId.has(id)) this.#byId.delete(id); // re-insert: most recently used last
    this.#byId.set(id, question);
    if (this.#byId.size > this.#capacity + this.#pinned.size) {
      for (const old of this.#byId.keys()) {
        if (this.#byId.size <= this.#capacity + this.#pinned.size) break;
        if (!this.#pinned.has(old)) this.#byId.delete(old);
      }
    }
    return id;
  }

  /** The question behind an id, or undefined when it is unknown (stale or forged). */
  questionFor(id: string): string | undefined {
    return this.#byId.get(id);
  }

  get size(): number {
    return this.#byId.size;
  }
}

/**
 * The id of a question: 12 base64url characters of its SHA-256.
 * @example
 * questionId('من حضر؟').length; // 12
 */
export function questionId(question: string): string {
  return createHash('sha256').update(question.normalize('NFC')).digest('base64url').slice(0, 12);
}
