/**
 * Runs a question set through an answering function and aggregates the verdicts per category.
 */
import type { Answer, AnswerContext } from '../engine/types.ts';
import { judge, type EvalQuestion } from './score.ts';

/** Anything that answers like the engine. */
export type AnswerFn = (question: string, context?: AnswerContext) => Answer;

/** One question's outcome. */
export interface EvalOutcome {
  readonly question: EvalQuestion;
  readonly answer: Answer;
  readonly pass: boolean;
  readonly why: string;
  readonly ms: number;
}

/** Aggregated results. */
export interface EvalReport {
  readonly total: number;
  readonly pass: number;
  readonly accuracy: number;
  readonly byCategory: Readonly<Record<string, { pass: number; total: number }>>;
  readonly citations: number;
  readonly badQuotes: number;
  /** Abstain questions (out + near) that were answered. */
  readonly wrongAnswers: number;
  readonly outcomes: readonly EvalOutcome[];
}

/**
 * Evaluates every question; a follow-up first asks its `prev` question and passes the meeting on.
 * @example
 * const report = evaluate(questions, (q, c) => engine.answer(q, c), articles);
 */
export function evaluate(questions: readonly EvalQuestion[], answer: AnswerFn, articles: ReadonlyMap<string, string>): EvalReport {
  const outcomes: EvalOutcome[] = [];
  const byCategory: Record<string, { pass: number; total: number }> = {};
  let citations = 0;
  let badQuotes = 0;
  let wrongAnswers = 0;
  for (const q of questions) {
    let context: AnswerContext = {};
    if (q.prev) {
      const prev = answer(q.prev);
      context = { ...(prev.meetingId ? { meetingId: prev.meetingId } : {}), ...(prev.answered ? { focus: prev.matched } : {}) };
    }
    const t0 = performance.now();
    const a = answer(q.q, context);
    const ms = performance.now() - t0;
    const v = judge(q, a, articles);
    citations += a.citations.length;
    badQuotes += v.badQuotes;
    if (q.expect === 'abstain' && a.answered) wrongAnswers++;
    const cat = (byCategory[q.cat] ??= { pass: 0, total: 0 });
    cat.total++;
    if (v.pass) cat.pass++;
    outcomes.push({ question: q, answer: a, pass: v.pass, why: v.why, ms });
  }
  const pass = outcomes.filter((o) => o.pass).length;
  return { total: questions.length, pass, accuracy: questions.length ? pass / questions.length : 0, byCategory, citations, badQuotes, wrongAnswers, outcomes };
}
