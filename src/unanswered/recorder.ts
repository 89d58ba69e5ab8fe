/**
 * Recording the questions the engine declined, for curators (`npm run kb:gaps`): the question's text
 * only — normalized, with what could identify someone taken out (@handles, links, e-mail addresses,
 * long numbers) — the time, why it was declined and the engine's suggestions. Nothing about who asked,
 * in which chat, or when they asked before. Small talk, invalid input and answered questions are not
 * recorded. Writes happen in the background: a failing store costs a warning, never an answer.
 */
import type { Answer } from '../engine/types.ts';
import { normalizeArabic } from '../engine/text/normalize.ts';
import { engineText } from '../locale/ar.ts';
import type { Logger } from '../logger.ts';
import type { UnansweredEntry, UnansweredStore } from './types.ts';

/** Longer questions are cut here (the engine accepts up to 4,096 characters). */
export const MAX_RECORDED_CHARS = 500;

/**
 * @example
 * const recorder = createUnansweredRecorder(new FileUnansweredStore('data/unanswered.jsonl'), { logger });
 * recorder.record('ما موقف الأردن؟', engine.answer('ما موقف الأردن؟'));
 */
export interface UnansweredRecorder {
  /** Where the entries go (what /privacy tells). */
  readonly store: Pick<UnansweredStore, 'kind' | 'cap'>;
  /** Records the question when the answer is a decline; returns at once. */
  record(question: string, answer: Answer): void;
  /** Resolves when every write started so far has ended (before exit). */
  flush(): Promise<void>;
}

export interface UnansweredRecorderOptions {
  readonly logger: Logger;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/**
 * @example
 * createBot(token, { config, logger, engine, unanswered: createUnansweredRecorder(store, { logger }) });
 */
export function createUnansweredRecorder(store: UnansweredStore, options: UnansweredRecorderOptions): UnansweredRecorder {
  const { logger, now = () => new Date() } = options;
  const writes = new Set<Promise<void>>();
  let lastWarning = 0;
  return {
    store,
    record(question, answer) {
      if (answer.kind !== 'decline') return;
      const text = cleanQuestion(question);
      if (!text) return;
      const entry: UnansweredEntry = { at: now().toISOString(), question: text, reason: declineReason(answer), suggestions: answer.suggestions.slice(0, 3) };
      const write = store
        .record(entry)
        .catch((error: unknown) => {
          // One warning a minute at most: a full disk must not flood the log.
          if (Date.now() - lastWarning < 60_000) return;
          lastWarning = Date.now();
          logger.warn({ err: error }, 'could not record a declined question; answering goes on');
        })
        .finally(() => writes.delete(write));
      writes.add(write);
    },
    async flush() {
      await Promise.all([...writes]);
    },
  };
}

/**
 * The text kept of a question: normalized as the engine reads it, without @handles, links, e-mail
 * addresses or numbers of 6 digits or more (phone numbers, ids), cut at {@link MAX_RECORDED_CHARS}.
 * @example
 * cleanQuestion('مَن حضرَ؟ @my_handle ٠٥٠١٢٣٤٥٦٧'); // 'من حضر? @… …'
 */
export function cleanQuestion(question: string): string {
  return normalizeArabic(question)
    .replace(/(?:https?:\/\/|www\.|t\.me\/)\S+/g, '…')
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]{2,}/g, '…')
    .replace(/@[a-z0-9_]{3,}/g, '@…')
    .replace(/\+?\d[\d ().-]*\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? '…' : run))
    .slice(0, MAX_RECORDED_CHARS)
    .trim();
}

/**
 * Why the engine declined, from its reply: `foreign` (names the articles never mention), `no-context`
 * (a follow-up with nothing to follow), `not-covered`, `unclear`, or `decline` for a wording not known here.
 * @example
 * declineReason(engine.answer('ماذا قال بايدن؟')); // 'foreign'
 */
export function declineReason(answer: Answer): string {
  const { decline } = engineText;
  const foreignPrefix = decline.foreign('\u0000').split('\u0000')[0] ?? '';
  if (answer.text.startsWith(decline.noContext)) return 'no-context';
  if (answer.text.startsWith(decline.notCovered)) return 'not-covered';
  if (answer.text.startsWith(decline.unclear)) return 'unclear';
  if (foreignPrefix && answer.text.startsWith(foreignPrefix)) return 'foreign';
  return 'decline';
}
