/**
 * First look at a raw message: control characters, length, and whether it has any words at all.
 */

/** Longest message accepted (Telegram's own limit for a text message). */
export const MAX_QUESTION_CHARS = 4096;

/** Outcome of {@link sanitizeQuestion}. */
export type Sanitized =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: 'empty' | 'tooLong' | 'noWords' | 'numbersOnly'; readonly length: number };

/**
 * Strips NULs and control characters and classifies input that cannot be a question.
 * Never throws, whatever it is given.
 * @example
 * sanitizeQuestion('  \u0000 متى؟ '); // { ok: true, text: 'متى؟' }
 * sanitizeQuestion('🙂🙂');           // { ok: false, problem: 'noWords', length: 4 }
 */
export function sanitizeQuestion(input: unknown): Sanitized {
  if (typeof input !== 'string') return { ok: false, problem: 'empty', length: 0 };
  const length = input.length;
  if (length > MAX_QUESTION_CHARS) return { ok: false, problem: 'tooLong', length };
  const text = input
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return { ok: false, problem: 'empty', length };
  if (!/\p{L}/u.test(text)) return { ok: false, problem: /\p{N}/u.test(text) ? 'numbersOnly' : 'noWords', length };
  return { ok: true, text };
}
