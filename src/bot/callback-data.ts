/**
 * Callback data of the bot's inline buttons: `m:<meeting id>` opens a meeting card, `q:<question id>`
 * asks a question from the {@link QuestionTable}. At most 64 bytes, as Telegram requires; parsed
 * with zod, so stale or forged data is recognised and answered with a toast, never trusted.
 */
import { z } from 'zod';

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** What a pressed button asks for. */
export type CallbackAction = { readonly kind: 'meeting'; readonly meetingId: string } | { readonly kind: 'question'; readonly questionId: string };

/**
 * Callback data that cannot be built within Telegram's 64-byte limit.
 * @example
 * try { meetingData(id); } catch (e) { if (e instanceof CallbackDataError) console.error(e.message); }
 */
export class CallbackDataError extends Error {
  override readonly name = 'CallbackDataError';
  readonly data: string;
  readonly bytes: number;
  constructor(data: string, bytes: number) {
    super(
      `Callback data "${data}" is ${bytes} bytes, over Telegram's ${CALLBACK_DATA_LIMIT}: shorten the meeting id in knowledge/meetings.yaml (lowercase letters, digits and "-")`,
    );
    this.data = data;
    this.bytes = bytes;
  }
}

const MEETING_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
const QUESTION_ID = /^[A-Za-z0-9_-]{8,16}$/;

/** The schema of every callback data string the bot accepts. */
export const callbackDataSchema = z
  .string()
  .refine((s) => Buffer.byteLength(s, 'utf8') <= CALLBACK_DATA_LIMIT)
  .transform((s, ctx): CallbackAction => {
    const [prefix, value = '', ...rest] = s.split(':');
    if (rest.length === 0 && prefix === 'm' && MEETING_ID.test(value)) return { kind: 'meeting', meetingId: value };
    if (rest.length === 0 && prefix === 'q' && QUESTION_ID.test(value)) return { kind: 'question', questionId: value };
    ctx.addIssue({ code: 'custom', message: 'unknown callback data' });
    return z.NEVER;
  });

/**
 * Parses callback data; undefined for anything the bot did not create (or an older format).
 * @example
 * parseCallbackData('m:quad-2023-04'); // { kind: 'meeting', meetingId: 'quad-2023-04' }
 * parseCallbackData('<script>');       // undefined
 */
export function parseCallbackData(data: string | undefined): CallbackAction | undefined {
  const result = callbackDataSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/**
 * Callback data that opens a meeting card.
 * @example
 * InlineKeyboard.text('الاجتماع الرباعي', meetingData('quad-2023-04'));
 */
export function meetingData(meetingId: string): string {
  return checked(`m:${meetingId}`);
}

/**
 * Callback data that asks a question of the {@link QuestionTable} by its id.
 * @example
 * InlineKeyboard.text(question, questionData(table.idFor(question)));
 */
export function questionData(questionId: string): string {
  return checked(`q:${questionId}`);
}

function checked(data: string): string {
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > CALLBACK_DATA_LIMIT || !parseCallbackData(data)) throw new CallbackDataError(data, bytes);
  return data;
}
