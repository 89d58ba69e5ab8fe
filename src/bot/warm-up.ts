/**
 * JIT warm-up: right after polling starts, the bot answers questions drawn from the knowledge base
 * itself (the example questions, the meetings' titles and cards) and renders them, in small slices
 * between updates, so that the first people to write after a start do not wait for cold code.
 * Nothing is sent or stored.
 */
import type { Engine } from '../engine/types.ts';
import { renderAnswer } from './format/answer.ts';
import { splitHtml } from './format/split.ts';

export interface WarmUpOptions {
  /** Answers to compute in all (default 120). */
  readonly answers?: number;
  /** Answers per slice; the event loop is free between slices (default 8). */
  readonly slice?: number;
}

/**
 * Runs the warm-up in the background; resolves with the number of answers computed.
 * @example
 * void warmUp(engine);
 */
export async function warmUp(engine: Engine, options: WarmUpOptions = {}): Promise<number> {
  const { answers = 120, slice = 8 } = options;
  const meetings = engine.meetings();
  const questions = [...engine.examples(20), ...meetings.map((m) => m.title), ...meetings.map((m) => m.shortTitle)];
  if (questions.length === 0) return 0;
  let done = 0;
  while (done < answers) {
    for (let i = 0; i < slice && done < answers; i++, done++) {
      const question = questions[done % questions.length]!;
      const meetingId = meetings[done % meetings.length]?.id;
      const answer = engine.answer(question, done % 2 && meetingId ? { meetingId } : {});
      splitHtml(renderAnswer(answer));
      for (const s of answer.suggestions) if (!questions.includes(s) && questions.length < 200) questions.push(s);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const m of meetings) {
    const card = engine.meetingCard(m.id);
    if (card) splitHtml(renderAnswer(card));
  }
  return done;
}
