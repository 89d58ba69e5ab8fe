/**
 * Plain-text rendering of an answer for terminals (the console chat and `npm run ask`).
 */
import type { Answer } from '../engine/types.ts';
import { cliText } from '../locale/ar.ts';

/**
 * Renders an answer with its numbered sources.
 * @example
 * console.log(formatAnswerForTerminal(engine.answer('من هو شويغو؟')));
 */
export function formatAnswerForTerminal(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push('', answer.citations.length === 1 ? cliText.source : cliText.sources);
    answer.citations.forEach((c, i) => {
      lines.push(`${i + 1}. ${c.title} [${c.source}]`, `   «${c.quote}»`);
    });
  }
  return lines.join('\n');
}
