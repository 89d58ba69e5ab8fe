/**
 * The bot's inline keyboards. Buttons carry short callback data (see callback-data.ts), never the
 * Arabic text of a question.
 */
import { InlineKeyboard } from 'grammy';
import type { Answer, MeetingSummary } from '../engine/types.ts';
import { botText } from '../locale/ar.ts';
import { meetingData, questionData } from './callback-data.ts';
import type { QuestionTable } from './question-table.ts';

/** Button labels longer than this are shortened with «…» (clients cut long labels anyway). */
const LABEL_MAX = 60;

/**
 * Buttons under an answer: its suggestions («هل تقصد: …», up to 3) and, for an answer about a
 * meeting that is not the card itself, a button to the meeting's full card. Undefined when none.
 * @example
 * await ctx.reply(html, { parse_mode: 'HTML', reply_markup: answerKeyboard(answer, table) });
 */
export function answerKeyboard(answer: Answer, questions: QuestionTable): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  let buttons = 0;
  for (const q of answer.suggestions.slice(0, 3)) {
    keyboard.text(label(q), questionData(questions.idFor(q))).row();
    buttons++;
  }
  if (answer.answered && answer.meetingId && answer.kind !== 'meeting') {
    keyboard.text(botText.button.meetingCard, meetingData(answer.meetingId)).row();
    buttons++;
  }
  return buttons > 0 ? keyboard : undefined;
}

/**
 * One button per question (the /start examples).
 * @example
 * questionsKeyboard(engine.examples(3), table);
 */
export function questionsKeyboard(questions: readonly string[], table: QuestionTable): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const q of questions) keyboard.text(label(q), questionData(table.idFor(q))).row();
  return keyboard;
}

/**
 * One button per meeting, in the given order (newest first), each opening its card.
 * @example
 * meetingsKeyboard(engine.meetings());
 */
export function meetingsKeyboard(meetings: readonly MeetingSummary[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const m of meetings) keyboard.text(label(m.shortTitle), meetingData(m.id)).row();
  return keyboard;
}

function label(text: string): string {
  const chars = [...text];
  return chars.length <= LABEL_MAX ? text : `${chars.slice(0, LABEL_MAX - 1).join('')}…`;
}
