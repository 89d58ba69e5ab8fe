/**
 * The console chat: a prompt in the terminal on the same engine as the bot, for people who run
 * `npm start` without a BOT_TOKEN. Keeps the previous answer's meeting as context for follow-ups.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerContext, Engine } from '../engine/types.ts';
import { chatText } from '../locale/ar.ts';
import { formatAnswerForTerminal } from './format.ts';

/** Streams of the console chat (stdin/stdout by default; tests pass their own). */
export interface ChatIO {
  readonly input: Readable;
  readonly output: Writable;
  /** Print the greeting and hints (default true). */
  readonly banner?: boolean;
}

/**
 * Runs the chat until the input ends (Ctrl-D) or the user types «خروج» / exit.
 * @example
 * await runConsoleChat(createEngine(), { input: process.stdin, output: process.stdout });
 */
export async function runConsoleChat(engine: Engine, io: ChatIO): Promise<void> {
  const { input, output } = io;
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal, crlfDelay: Infinity });
  const write = (s: string) => output.write(`${s}\n`);
  if (io.banner !== false) {
    write(chatText.banner);
    write(chatText.examples(engine.examples(3)));
    write(chatText.howToQuit);
  }
  let context: AnswerContext = {};
  rl.setPrompt(chatText.prompt);
  rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (chatText.quitWords.includes(q.toLowerCase())) break;
    if (q) {
      const answer = engine.answer(q, context);
      if (answer.answered) context = { ...(answer.meetingId ? { meetingId: answer.meetingId } : {}), focus: answer.matched };
      write(formatAnswerForTerminal(answer));
      write('');
    }
    rl.prompt();
  }
  rl.close();
  write(chatText.bye);
}
