/**
 * `npm run ask -- "سؤال"` prints the answer for a person.
 * `npm run --silent ask -- --json` reads questions from stdin, one per line, and writes exactly one
 * JSON line per question, in order: {question, answered, text, citations, suggestions, meetingId?, score, kind, matched}.
 * Nothing else goes to stdout in JSON mode; problems go to stderr with a non-zero exit code.
 */
import { createInterface } from 'node:readline';
import { createEngine } from '../engine/index.ts';
import { cliText } from '../locale/ar.ts';
import { formatAnswerForTerminal } from './format.ts';
import { runMain } from './run-main.ts';

await runMain(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ');
  const engine = createEngine();
  if (!json) {
    if (!question.trim()) {
      process.stderr.write(`${cliText.askUsage}\n`);
      return 2;
    }
    process.stdout.write(`${formatAnswerForTerminal(engine.answer(question))}\n`);
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const a = engine.answer(line);
    process.stdout.write(`${JSON.stringify({ question: line, ...a })}\n`);
  }
  return 0;
});
