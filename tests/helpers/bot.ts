/**
 * A bot under test without any network: `createBot` with a fixed `botInfo`, an API transformer that
 * records every outgoing call and returns fake results (or an error, on demand), updates built like
 * Telegram's, a check of outgoing HTML as strict as Telegram's, and the log output in memory.
 */
import type { Bot } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { createBot, type BotContext, type CreateBotOptions, type SessionData } from '../../src/bot/index.ts';
import { createConfig, type Config } from '../../src/config.ts';
import type { Engine } from '../../src/engine/types.ts';
import { createLogger } from '../../src/logger.ts';
import { testBotInfo } from '../../src/testing/bot-api-emulator.ts';
import type { StorageAdapter } from 'grammy';
import { engine as sharedEngine } from './engine.ts';

export const TOKEN = '1234567890:AAE_test-token-ABCDEFGHIJKLMNOPQRSTUVW';
export const BOT_INFO: UserFromGetMe = testBotInfo(TOKEN, { first_name: 'محادثات موسكو', username: 'moscow_talks_bot' });

/** A person: ids and names chosen to be easy to find in a log. */
export interface Person {
  readonly id: number;
  readonly first_name: string;
  readonly last_name?: string;
  readonly username?: string;
}
export const ALICE: Person = { id: 731_004_211, first_name: 'AliceFirstName', last_name: 'AliceLastName', username: 'alice_private_handle' };
export const BOB: Person = { id: 731_009_877, first_name: 'BobFirstName', username: 'bob_private_handle' };
export const GROUP = { id: -100_555_123_456, type: 'supergroup' as const, title: 'GroupTitleSecret' };

export interface RecordedCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

export interface Harness {
  readonly bot: Bot<BotContext>;
  readonly engine: Engine;
  readonly config: Config;
  /** Every API call the bot made, in order. */
  readonly calls: RecordedCall[];
  /** Calls Telegram would have refused (bad HTML, too long, …): a test expects none. */
  readonly violations: string[];
  /** The log output so far (JSON lines). */
  log(): string;
  /** Calls of one method. */
  callsOf(method: string): RecordedCall[];
  /** Text of every sendMessage, in order. */
  sent(): string[];
  /** The next `times` calls of `method` fail with this Telegram error (default: forever). */
  fail(method: string, error: { error_code: number; description: string }, times?: number): void;
  /** Hands one update to the bot and returns the calls it made. */
  handle(update: Update): Promise<RecordedCall[]>;
  /** A private text message from `from` (default Alice). */
  ask(text: string, options?: { from?: Person; chatId?: number }): Promise<RecordedCall[]>;
  /** A group message (text, optional entities, optional reply to a message). */
  group(text: string, options?: { from?: Person; entities?: Message['entities']; replyToBot?: boolean; replyToUser?: boolean }): Promise<RecordedCall[]>;
  /** A button press with this callback data, under a bot message in Alice's chat (or `chatId`). */
  press(data: string, options?: { from?: Person; chatId?: number; inlineMessage?: boolean }): Promise<RecordedCall[]>;
  /** An inline query. */
  inline(query: string, options?: { from?: Person }): Promise<RecordedCall[]>;
  /** A private message of another kind (sticker, photo, …) given as its message fields. */
  other(fields: Record<string, unknown>, options?: { from?: Person }): Promise<RecordedCall[]>;
  /** An edited private text message. */
  edit(text: string, options?: { from?: Person; messageId?: number }): Promise<RecordedCall[]>;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  readonly engine?: Engine;
  readonly sessionStorage?: StorageAdapter<SessionData>;
  /** More options for createBot (rate-limit store, update gate, unanswered recorder). */
  readonly bot?: Partial<Pick<CreateBotOptions, 'rateLimitStore' | 'updateGate' | 'unanswered'>>;
}

/**
 * @example
 * const h = createHarness();
 * const calls = await h.ask('من حضر الاجتماع الرباعي؟');
 */
export function createHarness(options: HarnessOptions = {}): Harness {
  const config = createConfig({ BOT_TOKEN: TOKEN, LOG_LEVEL: 'trace', ...options.env });
  let output = '';
  const logger = createLogger({ level: 'trace', secrets: [TOKEN], destination: { write: (line: string) => (output += line) } });
  const engine = options.engine ?? sharedEngine();
  const bot = createBot(TOKEN, {
    config,
    logger,
    engine,
    botInfo: BOT_INFO,
    ...(options.sessionStorage ? { sessionStorage: options.sessionStorage } : {}),
    ...options.bot,
  });
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const failures = new Map<string, { error: { error_code: number; description: string }; times: number }>();
  let nextMessageId = 5000;
  let nextUpdateId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = { ...(payload as Record<string, unknown>) };
    calls.push({ method, payload: p });
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return { ok: false, ...failure.error } as never;
    }
    try {
      checkCall(method, p);
    } catch (error) {
      violations.push(`${method}: ${(error as Error).message}`);
      return { ok: false, error_code: 400, description: (error as Error).message } as never;
    }
    if (method === 'sendMessage') {
      const chatId = p.chat_id as number;
      const result: Message.TextMessage = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chatId < 0 ? { ...GROUP, id: chatId } : { id: chatId, type: 'private', first_name: 'x' },
        from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username },
        text: p.text as string,
      };
      return { ok: true, result } as never;
    }
    return { ok: true, result: true } as never;
  });

  const handle = async (update: Update) => {
    const before = calls.length;
    await bot.handleUpdate(update);
    return calls.slice(before);
  };
  const user = (p: Person) => ({ id: p.id, is_bot: false, first_name: p.first_name, ...(p.last_name ? { last_name: p.last_name } : {}), ...(p.username ? { username: p.username } : {}), language_code: 'ar' });
  const privateChat = (p: Person, chatId?: number) => ({ id: chatId ?? p.id, type: 'private' as const, first_name: p.first_name, ...(p.username ? { username: p.username } : {}) });
  const now = () => Math.floor(Date.now() / 1000);
  const commandEntities = (text: string): Message['entities'] => {
    const m = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    return m ? [{ type: 'bot_command', offset: 0, length: m[0].length }] : undefined;
  };

  return {
    bot,
    engine,
    config,
    calls,
    violations,
    log: () => output,
    callsOf: (method) => calls.filter((c) => c.method === method),
    sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text as string),
    fail: (method, error, times = Infinity) => failures.set(method, { error, times }),
    handle,
    ask: (text, o = {}) => {
      const from = o.from ?? ALICE;
      const entities = commandEntities(text);
      return handle({
        update_id: nextUpdateId++,
        message: { message_id: nextMessageId++, date: now(), chat: privateChat(from, o.chatId), from: user(from), text, ...(entities ? { entities } : {}) },
      } as Update);
    },
    group: (text, o = {}) => {
      const from = o.from ?? ALICE;
      const entities = o.entities ?? commandEntities(text);
      const reply = o.replyToBot
        ? { reply_to_message: { message_id: 42, date: now(), chat: GROUP, from: { id: BOT_INFO.id, is_bot: true, first_name: 'bot', username: BOT_INFO.username }, text: 'جواب سابق' } }
        : o.replyToUser
          ? { reply_to_message: { message_id: 43, date: now(), chat: GROUP, from: user(BOB), text: 'رسالة' } }
          : {};
      return handle({
        update_id: nextUpdateId++,
        message: { message_id: nextMessageId++, date: now(), chat: GROUP, from: user(from), text, ...(entities ? { entities } : {}), ...reply },
      } as Update);
    },
    press: (data, o = {}) => {
      const from = o.from ?? ALICE;
      const where = o.inlineMessage
        ? { inline_message_id: 'AAAAAInlineMessage' }
        : { message: { message_id: 4999, date: now(), chat: privateChat(from, o.chatId), from: { id: BOT_INFO.id, is_bot: true, first_name: 'bot' }, text: 'رسالة البوت' } };
      return handle({ update_id: nextUpdateId++, callback_query: { id: `cq${nextUpdateId}`, from: user(from), chat_instance: '-77', data, ...where } } as Update);
    },
    inline: (query, o = {}) =>
      handle({ update_id: nextUpdateId++, inline_query: { id: `iq${nextUpdateId}`, from: user(o.from ?? ALICE), query, offset: '', chat_type: 'sender' } } as Update),
    other: (fields, o = {}) => {
      const from = o.from ?? ALICE;
      return handle({ update_id: nextUpdateId++, message: { message_id: nextMessageId++, date: now(), chat: privateChat(from), from: user(from), ...fields } } as Update);
    },
    edit: (text, o = {}) => {
      const from = o.from ?? ALICE;
      return handle({
        update_id: nextUpdateId++,
        edited_message: { message_id: o.messageId ?? nextMessageId++, date: now(), edit_date: now(), chat: privateChat(from), from: user(from), text },
      } as Update);
    },
  };
}

/** Rejects outgoing calls the way Telegram would: bad HTML, over-long text, over-long callback data or ids. */
function checkCall(method: string, p: Record<string, unknown>): void {
  if (method === 'sendMessage') {
    if (p.parse_mode === 'HTML') checkTelegramHtml(p.text as string);
    else checkLength(p.text as string);
    checkKeyboard(p.reply_markup);
  }
  if (method === 'answerCallbackQuery' && typeof p.text === 'string' && [...p.text].length > 200) throw new Error('callback answer text over 200 characters');
  if (method === 'answerInlineQuery') {
    const results = p.results as { id: string; input_message_content?: { message_text: string; parse_mode?: string } }[];
    if (results.length > 50) throw new Error('more than 50 inline results');
    const ids = new Set<string>();
    for (const r of results) {
      if (Buffer.byteLength(r.id) > 64) throw new Error(`inline result id over 64 bytes: ${r.id}`);
      if (ids.has(r.id)) throw new Error(`duplicate inline result id: ${r.id}`);
      ids.add(r.id);
      const content = r.input_message_content;
      if (content?.parse_mode === 'HTML') checkTelegramHtml(content.message_text);
    }
  }
}

function checkKeyboard(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  for (const row of rows) {
    for (const b of row) {
      if (!b.text) throw new Error('button without text');
      if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64) throw new Error(`callback_data over 64 bytes: ${b.callback_data}`);
    }
  }
}

const TELEGRAM_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);

/**
 * Parses Telegram HTML as strictly as the Bot API does and returns the text after parsing; throws on
 * an unsupported tag, an unclosed or mismatched tag, a bare `<` or `&`, or text over 4,096 characters.
 * @example
 * checkTelegramHtml('<b>a &amp; b</b>'); // 'a & b'
 */
export function checkTelegramHtml(html: string): string {
  const stack: string[] = [];
  let text = '';
  const re = /<(\/?)([a-zA-Z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>|&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);|([<>&])|([^<>&]+)/g;
  for (const m of html.matchAll(re)) {
    if (m[2] !== undefined) {
      const name = m[2].toLowerCase();
      if (!TELEGRAM_TAGS.has(name)) throw new Error(`Bad Request: can't parse entities: Unsupported start tag "${name}"`);
      if (m[1]) {
        if (stack.pop() !== name) throw new Error(`Bad Request: can't parse entities: Unmatched end tag "${name}"`);
      } else stack.push(name);
    } else if (m[4] !== undefined) {
      text += { lt: '<', gt: '>', amp: '&', quot: '"' }[m[4]] ?? 'x';
    } else if (m[5] !== undefined) {
      throw new Error(`Bad Request: can't parse entities: bare "${m[5]}"`);
    } else text += m[6] ?? '';
  }
  if (stack.length) throw new Error(`Bad Request: can't parse entities: unclosed tag "${stack.join(', ')}"`);
  checkLength(text);
  return text;
}

function checkLength(text: string): void {
  if (text.trim().length === 0) throw new Error('Bad Request: message text is empty');
  if (text.length > 4096) throw new Error(`Bad Request: message is too long (${text.length})`);
}

/**
 * A question the engine declines with suggestions (the first of a few candidates that still does, so
 * the bot's tests do not depend on one wording of the engine).
 * @example
 * const q = declinedQuestion(engine);
 */
export function declinedQuestion(engine: Engine): string {
  const candidates = ['ماذا قال بايدن عن الاجتماع الرباعي؟', 'ماذا قال الأسد؟', 'هل زار بوتين دمشق؟', 'ما هو الطقس في باريس؟'];
  const q = candidates.find((c) => {
    const a = engine.answer(c);
    return a.kind === 'decline' && a.suggestions.length > 0;
  });
  if (!q) throw new Error('none of the candidate questions is declined with suggestions any more: add one to declinedQuestion()');
  return q;
}
