/**
 * The evaluation's pass rule, applied to one answer:
 * - an answerable question passes when the answer is marked answered, cites one of the expected
 *   articles, every quote stands verbatim in its article, every key-fact group has one of its
 *   alternatives in the text, and the text is Arabic (≥ 60% of letters);
 * - an out-of-scope or near-scope question passes when the answer is not marked answered.
 * Comparison is after Arabic letter normalization (hamzas, ة/ه, ى/ي, diacritics, quote marks).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { arabicShare, normalizeArabic } from '../engine/text/normalize.ts';
import type { Answer } from '../engine/types.ts';

export const EvalQuestionSchema = z.strictObject({
  id: z.string().min(1),
  cat: z.enum(['fact', 'meeting', 'dialect', 'spelling', 'english', 'followup', 'out', 'near']),
  q: z.string().min(1),
  expect: z.enum(['answer', 'abstain']),
  src: z.array(z.string().regex(/^\d{3}$/)).optional(),
  all: z.array(z.array(z.string().min(1)).min(1)).optional(),
  prev: z.string().optional(),
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/**
 * Reads a JSONL question set; a malformed line throws with its line number.
 * @example
 * const qs = readQuestionSet('tests/eval/questions.jsonl');
 */
export function readQuestionSet(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((x) => x.line)
    .map(({ line, n }) => {
      const r = EvalQuestionSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`${file}:${n}: ${r.error.issues[0]?.message ?? 'invalid'}`);
      if (r.data.expect === 'answer' && (!r.data.src?.length || !r.data.all?.length)) throw new Error(`${file}:${n}: an answerable question needs src and all`);
      return r.data;
    });
}

/** Normalization used to compare key facts and quotes. */
export function evalNorm(s: string): string {
  return normalizeArabic(s).replace(/[«»"“”„'‘’]/g, '').replace(/\s+/g, ' ').trim();
}

/** The verdict on one answer. */
export interface Verdict {
  readonly pass: boolean;
  readonly why: string;
  /** Quotes that are not verbatim in their article. */
  readonly badQuotes: number;
}

/**
 * Judges one answer against its question.
 * @param articles article id prefix (`000`) → normalized article text
 */
export function judge(q: EvalQuestion, a: Answer, articles: ReadonlyMap<string, string>): Verdict {
  const quoteOk = (source: string, quote: string) => {
    const text = articles.get(source.slice(0, 3));
    return text !== undefined && quote.length > 0 && text.includes(evalNorm(quote));
  };
  const badQuotes = a.citations.filter((c) => !quoteOk(c.source, c.quote)).length;
  if (q.expect === 'abstain') return { pass: !a.answered, why: a.answered ? 'answered an out-of-scope question' : '', badQuotes };
  const text = evalNorm(a.text);
  const srcOk = a.citations.some((c) => (q.src ?? []).includes(c.source.slice(0, 3)));
  const groupsOk = (q.all ?? []).every((g) => g.some((alt) => text.includes(evalNorm(alt))));
  const quotesOk = a.citations.length > 0 && badQuotes === 0;
  const arabicOk = arabicShare(a.text) >= 0.6;
  const pass = a.answered && srcOk && groupsOk && quotesOk && arabicOk;
  const why = pass
    ? ''
    : [!a.answered && 'declined', !srcOk && 'wrong/no source', !groupsOk && 'missing key fact', !quotesOk && 'bad quote', !arabicOk && 'not Arabic']
        .filter(Boolean)
        .join(', ');
  return { pass, why, badQuotes };
}
