/**
 * A small, strict Telegram Bot API emulator on loopback, for tests that run the bot as a real process
 * (`TELEGRAM_API_ROOT=emulator.apiRoot`) or a real grammY `Bot` (`client: { apiRoot }`).
 *
 * It speaks the Bot API's HTTP protocol (`GET|POST /bot<token>/<method>`, JSON, url-encoded or query
 * parameters; `{ok:true,result}` or `{ok:false,error_code,description,parameters?}` with the HTTP status
 * equal to `error_code`) and validates what the bot sends the way Telegram does, with Telegram's error
 * descriptions. Choices where Telegram's behaviour had to be decided are listed on {@link BotApiEmulator}.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, InlineKeyboardMarkup, Message, MessageEntity, ResponseParameters, Update, User, UserFromGetMe } from 'grammy/types';
import { parseTelegramHtml, TelegramHtmlError, utf16Length } from './telegram-html.ts';

/**
 * An error as Telegram answers it.
 * @example
 * const tooMany: TelegramError = { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } };
 */
export interface TelegramError {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: ResponseParameters;
}

/**
 * The body of a Bot API answer.
 * @example
 * const answer: ApiResponse = { ok: true, result: true, description: 'Webhook was set' };
 */
export type ApiResponse = { ok: true; result: unknown; description?: string } | ({ ok: false } & TelegramError);

/**
 * One HTTP request to the emulator, recorded when it arrives; `status` and `response` are filled in
 * when it is answered (a long poll stays unanswered until an update arrives or its timeout ends).
 * @example
 * const first = emulator.callsOf('getUpdates')[0];
 * expect(first?.status).toBe(200);
 */
export interface ApiCall {
  /** The method (Telegram's spelling when known, else as requested). */
  readonly method: string;
  /** Parameters from the query string and the body (JSON-looking form values parsed). */
  readonly params: Record<string, unknown>;
  /** Arrival, `Date.now()`. */
  readonly time: number;
  /** Arrival, `performance.now()` of this process. */
  readonly monotonic: number;
  /** HTTP status once answered; 0 when the emulator dropped the connection on purpose. */
  status?: number;
  /** The answer's body once answered. */
  response?: ApiResponse;
  /** When it was answered, `Date.now()`. */
  answeredAt?: number;
  /** The client closed the connection before the answer (e.g. grammY's `bot.stop()` aborting a long poll). */
  abortedByClient?: boolean;
}

/**
 * A message the bot sent, in its current state (edits applied, deletion flagged).
 * @example
 * const [reply] = await emulator.waitForBotMessages(chatId, 1);
 * expect(reply?.text).toContain('hello');
 */
export interface BotMessage {
  readonly chatId: number;
  readonly message_id: number;
  readonly date: number;
  /** The text as the bot sent it (HTML before parsing, when `parseMode` is HTML). */
  source: string;
  parseMode?: string;
  /** The text the user sees, after entity parsing. */
  text: string;
  entities: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  reply_to_message_id?: number;
  edit_date?: number;
  deleted: boolean;
  /** The Message object the API returned (latest version). */
  message: Message;
}

/**
 * One attempt to deliver an update to the webhook.
 * @example
 * const delivery = await emulator.pushUpdate({ message: { from: alice, text: 'hi' } });
 * expect(delivery?.status).toBe(200);
 */
export interface WebhookDelivery {
  readonly update_id: number;
  readonly url: string;
  /** HTTP status of the webhook's answer; 0 when there was no answer (refused, timed out). */
  readonly status: number;
  /** The value of `X-Telegram-Bot-Api-Secret-Token` sent, if any. */
  readonly secretToken?: string;
  /** Why the delivery failed, worded like getWebhookInfo's `last_error_message`. */
  readonly error?: string;
  readonly time: number;
}

/**
 * A user as the tests give it (`is_bot` defaults to false).
 * @example
 * const alice: UserInput = { id: 1001, first_name: 'Alice', username: 'alice' };
 */
export type UserInput = Omit<User, 'is_bot'> & { is_bot?: boolean };

/**
 * A text message from a user, for {@link BotApiEmulator.sendUserMessage}.
 * @example
 * emulator.sendUserMessage({ from: alice, text: '/start' }); // private chat with Alice
 */
export interface UserMessageInput {
  readonly from: UserInput;
  /** Default: the private chat with `from`. */
  readonly chat?: Chat;
  readonly text: string;
  /** Default: bot_command and mention entities detected as Telegram clients do. */
  readonly entities?: MessageEntity[];
  /** Reply to this message of the same chat (e.g. one of the bot's). */
  readonly reply_to_message_id?: number;
}

/**
 * An update as the tests give it: any Update field, partially filled. Messages get `message_id`, `date`
 * and (for private chats) `chat` filled in; callback and inline queries get an `id`.
 * @example
 * emulator.sendUserUpdate({ callback_query: { from: alice, message: botMessage.message, data: 'more:1' } });
 */
export type UpdateInput = Partial<Record<Exclude<keyof Update, 'update_id'>, object>>;

/**
 * Options of {@link BotApiEmulator}.
 * @example
 * new BotApiEmulator({ token: '123:ABC', botInfo: { username: 'my_bot' }, strictHtml: false });
 */
export interface BotApiEmulatorOptions {
  /** The only token accepted; others get 401 Unauthorized. */
  readonly token: string;
  /** Overrides of getMe's answer (id defaults to the token's number). */
  readonly botInfo?: Partial<UserFromGetMe>;
  /** Refuse a bare `&` in HTML as the documentation demands (default true); false accepts it like Telegram does. */
  readonly strictHtml?: boolean;
}

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  readonly messages: Map<number, Message>;
  /** Private chat: the user blocked the bot; group: the bot left or was removed ('left' | 'kicked'). */
  botStatus: 'member' | 'left' | 'kicked';
}

type Fault = { kind: 'error'; error: TelegramError; left: number } | { kind: 'hang' | 'drop'; left: number };

type Params = Record<string, unknown>;

class ApiError extends Error {
  constructor(readonly error: TelegramError) {
    super(error.description);
  }
}

const bad = (description: string): ApiError => new ApiError({ error_code: 400, description: `Bad Request: ${description}` });
const conflict = (description: string): ApiError => new ApiError({ error_code: 409, description: `Conflict: ${description}` });
const forbidden = (description: string): ApiError => new ApiError({ error_code: 403, description: `Forbidden: ${description}` });

const QUERY_INVALID = 'query is too old and response timeout expired or query ID is invalid';
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const MESSAGE_FIELDS = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_message', 'edited_business_message'];
const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];
const INLINE_RESULT_TYPES = new Set([
  'article', 'photo', 'gif', 'mpeg4_gif', 'video', 'audio', 'voice', 'document', 'location', 'venue', 'contact', 'game', 'sticker',
]);
const METHODS = [
  'getMe', 'getUpdates', 'deleteWebhook', 'getWebhookInfo', 'setWebhook', 'sendMessage', 'editMessageText',
  'editMessageReplyMarkup', 'deleteMessage', 'answerCallbackQuery', 'answerInlineQuery', 'sendChatAction',
  'setMyCommands', 'getMyCommands', 'deleteMyCommands', 'setMyDescription', 'getMyDescription',
  'setMyShortDescription', 'getMyShortDescription', 'setChatMenuButton', 'close', 'logOut',
];
const CANONICAL = new Map(METHODS.map((m) => [m.toLowerCase(), m]));

const now = (): number => Math.floor(Date.now() / 1000);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const int = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
};
const bool = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Telegram Bot API server for one bot, on 127.0.0.1, with a control API for tests.
 *
 * Decisions about Telegram's behaviour:
 * - Two overlapping `getUpdates` for the token: the earlier, pending one is answered 409
 *   `Conflict: terminated by other getUpdates request; make sure that only one bot instance is running`
 *   and the newer one proceeds (the wording says the request was terminated by another one; grammY
 *   stops polling on that 409, so the instance started first is the one that quits).
 * - `allowed_updates` applies when an update is created, as documented ("doesn't affect updates created
 *   before the call"); updates of other types are not queued but kept in `droppedUpdates`. Unset, it is
 *   every type except chat_member, message_reaction and message_reaction_count.
 * - HTML: see `telegram-html.ts`; a bare `&` is refused unless `strictHtml: false`. Texts are not
 *   trimmed and no url/mention entities are detected in the bot's messages (Telegram does both).
 * - Lengths (text ≤ 4096, callback answer ≤ 200, descriptions) are counted in UTF-16 code units.
 * - The webhook may be plain http on any port (Telegram needs https on 443, 80, 88 or 8443). Each new
 *   update makes the emulator (re)try every pending update in order; failed ones stay pending and show
 *   in getWebhookInfo; there is no timed retry.
 * - Markdown parse modes are refused (400) rather than parsed: the emulator only checks HTML.
 * @example
 * const emulator = new BotApiEmulator({ token: TOKEN });
 * await emulator.start();
 * const bot = new Bot(TOKEN, { client: { apiRoot: emulator.apiRoot } });
 * bot.on('message:text', (ctx) => ctx.reply('hi'));
 * void bot.start();
 * emulator.sendUserMessage({ from: { id: 1, first_name: 'Alice' }, text: 'hello' });
 * const [reply] = await emulator.waitForBotMessages(1, 1);
 * await bot.stop();
 * await emulator.stop();
 */
/**
 * A bot's `getMe` answer for tests: the id from the token, a test name, the capabilities this bot
 * uses (groups, inline mode), and any fields given.
 * @example
 * const bot = new Bot(token, { botInfo: testBotInfo(token, { username: 'moscow_talks_bot' }) });
 */
export function testBotInfo(token: string, fields: Partial<UserFromGetMe> = {}): UserFromGetMe {
  return {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Test Bot',
    username: 'test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    ...fields,
  } as UserFromGetMe;
}

export class BotApiEmulator {
  /** The token the emulator accepts. */
  readonly token: string;
  /** getMe's answer. */
  readonly botInfo: UserFromGetMe;
  /** Every HTTP request, in order of arrival. */
  readonly calls: ApiCall[] = [];
  /** Every attempt to deliver an update to the webhook, in order. */
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Updates created while their type was not in `allowed_updates`: never delivered. */
  readonly droppedUpdates: Update[] = [];

  private readonly strictHtml: boolean;
  private server: Server | undefined;
  private root: string | undefined;
  private queue: Update[] = [];
  private nextUpdateId = 700_000_001;
  private nextQueryId = 4_000_000_000_001;
  private allowedUpdates: string[] | undefined;
  private poll: { res: ServerResponse; call: ApiCall; limit: number; timer: NodeJS.Timeout } | undefined;
  private wakeScheduled = false;
  private readonly chats = new Map<number, ChatState>();
  private readonly sent: BotMessage[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly callbackQueries = new Map<string, Params | null>();
  private readonly inlineQueries = new Map<string, Params | null>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly descriptions = new Map<string, string>();
  private webhook: { url: string; secretToken?: string; maxConnections: number } | undefined;
  private webhookError: { date: number; message: string } | undefined;
  private webhookChain: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(options: BotApiEmulatorOptions) {
    if (!/^\d+:[\w-]+$/.test(options.token)) throw new Error(`BotApiEmulator: not a bot token: ${options.token}`);
    this.token = options.token;
    this.strictHtml = options.strictHtml ?? true;
    this.botInfo = testBotInfo(options.token, options.botInfo);
  }

  /**
   * `http://127.0.0.1:<port>`, to pass as grammY's `client.apiRoot` or `TELEGRAM_API_ROOT`; throws before `start()`.
   * @example
   * spawn('node', ['dist/main.js'], { env: { ...process.env, TELEGRAM_API_ROOT: emulator.apiRoot } });
   */
  get apiRoot(): string {
    if (!this.root) throw new Error('BotApiEmulator: call start() first');
    return this.root;
  }

  /**
   * Arrival times (`Date.now()`) of every getUpdates call, in order.
   * @example
   * const startupMs = emulator.getUpdatesTimes[0]! - spawnedAt;
   */
  get getUpdatesTimes(): number[] {
    return this.callsOf('getUpdates').map((c) => c.time);
  }

  /**
   * Updates waiting to be fetched (getUpdates) or delivered (webhook), oldest first.
   * @example
   * expect(emulator.pendingUpdates).toEqual([]); // the bot confirmed everything
   */
  get pendingUpdates(): Update[] {
    return [...this.queue];
  }

  /**
   * Listens on 127.0.0.1, on a free port.
   * @example
   * await emulator.start(); console.log(emulator.apiRoot);
   */
  async start(): Promise<void> {
    if (this.server) throw new Error('BotApiEmulator: already started');
    const server = createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator failure: ${String(error)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Answers a pending long poll with `[]`, cuts hanging requests, closes every connection and the port.
   * @example
   * afterEach(() => emulator.stop());
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    if (this.poll) {
      const { res, call, timer } = this.poll;
      this.poll = undefined;
      clearTimeout(timer);
      this.reply(res, call, { ok: true, result: [] });
    }
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), 200);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    await this.webhookChain;
  }

  /**
   * The next `times` calls of `method` get this error instead of being executed (e.g. 429 with
   * `parameters.retry_after`, 500, 502). The HTTP status is the `error_code`.
   * @example
   * emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
   */
  failNext(method: string, error: TelegramError, times = 1): void {
    this.addFault(method, { kind: 'error', error, left: times });
  }

  /**
   * The next `times` calls of `method` never get an answer (`'hang'`: the connection stays open until the
   * client gives up or `stop()`), or lose their connection at once (`'drop'`: a network error for the client).
   * @example
   * emulator.breakNext('getUpdates', 'drop');
   */
  breakNext(method: string, mode: 'hang' | 'drop', times = 1): void {
    this.addFault(method, { kind: mode, left: times });
  }

  /**
   * Every call of one method (Telegram's spelling, case-insensitive), in order.
   * @example
   * expect(emulator.callsOf('answerCallbackQuery')).toHaveLength(1);
   */
  callsOf(method: string): ApiCall[] {
    const m = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === m);
  }

  /**
   * The first call of `method` (already made or still to come) that satisfies `predicate`. For a long
   * poll it resolves on arrival, before the answer (`status` still undefined).
   * @example
   * const call = await emulator.waitForCall('sendChatAction', (c) => c.params.action === 'typing');
   */
  waitForCall(method: string, predicate: (call: ApiCall) => boolean = () => true, timeoutMs = 5000): Promise<ApiCall> {
    return this.waitFor(() => this.callsOf(method).find(predicate), timeoutMs, () => `a ${method} call (calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'})`);
  }

  /**
   * Messages the bot sent, in order; of one chat when `chatId` is given. Deleted ones are included, flagged.
   * @example
   * expect(emulator.botMessages(chatId).map((m) => m.text)).toEqual(['hello']);
   */
  botMessages(chatId?: number): BotMessage[] {
    return this.sent.filter((m) => chatId === undefined || m.chatId === chatId);
  }

  /**
   * Waits until the bot has sent at least `count` messages to the chat; resolves with all of them.
   * @example
   * const [first, second] = await emulator.waitForBotMessages(chatId, 2, 10_000);
   */
  waitForBotMessages(chatId: number, count: number, timeoutMs = 5000): Promise<BotMessage[]> {
    return this.waitFor(
      () => {
        const messages = this.botMessages(chatId);
        return messages.length >= count ? messages : undefined;
      },
      timeoutMs,
      () => `${count} bot message(s) in chat ${chatId} (got ${this.botMessages(chatId).length})`,
    );
  }

  /**
   * How the bot answered a callback query (the answerCallbackQuery parameters), or undefined if it did not.
   * @example
   * expect(emulator.callbackAnswer(update.callback_query!.id)?.text).toBe('Done');
   */
  callbackAnswer(callbackQueryId: string): Params | undefined {
    return this.callbackQueries.get(callbackQueryId) ?? undefined;
  }

  /**
   * How the bot answered an inline query (the answerInlineQuery parameters), or undefined if it did not.
   * @example
   * expect(emulator.inlineAnswer(update.inline_query!.id)?.results).toHaveLength(3);
   */
  inlineAnswer(inlineQueryId: string): Params | undefined {
    return this.inlineQueries.get(inlineQueryId) ?? undefined;
  }

  /**
   * The commands set for a scope and language (as getMyCommands answers).
   * @example
   * expect(emulator.myCommands().map((c) => c.command)).toContain('start');
   */
  myCommands(scope?: { type: string; chat_id?: number | string; user_id?: number }, languageCode = ''): BotCommand[] {
    return this.commands.get(scopeKey(scope, languageCode)) ?? [];
  }

  /**
   * A text message from a user, as Telegram would deliver it; creates the chat when new.
   * @example
   * const { message } = emulator.sendUserMessage({ from: alice, chat: group, text: '@test_bot hi', reply_to_message_id: 5 });
   */
  sendUserMessage(input: UserMessageInput): { update: Update; message: Message } {
    const message: Params = { from: input.from, text: input.text };
    if (input.chat) message.chat = input.chat;
    if (input.entities) message.entities = input.entities;
    if (input.reply_to_message_id !== undefined) {
      const chatId = input.chat?.id ?? input.from.id;
      const target = this.chats.get(chatId)?.messages.get(input.reply_to_message_id);
      if (!target) throw new Error(`BotApiEmulator: no message ${input.reply_to_message_id} in chat ${chatId} to reply to`);
      message.reply_to_message = withoutReply(target);
    }
    const update = this.sendUserUpdate({ message });
    return { update, message: update.message as Message };
  }

  /**
   * Any update (callback_query, inline_query, edited_message, a sticker/photo/voice/location message,
   * my_chat_member, …), completed as described on {@link UpdateInput}; queued or sent to the webhook.
   * A `my_chat_member` update with status `kicked` (private) or `left`/`kicked` (group) makes the bot's
   * later sends to that chat fail with 403 as on Telegram.
   * @example
   * const u = emulator.sendUserUpdate({ message: { from: alice, sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } } });
   */
  sendUserUpdate(input: UpdateInput): Update {
    const update: Params = {};
    for (const [key, value] of Object.entries(input)) {
      if (key !== 'update_id' && value !== undefined) update[key] = { ...(value as Params) };
    }
    for (const key of MESSAGE_FIELDS) {
      if (isObject(update[key])) update[key] = this.completeMessage(update[key], key.startsWith('edited'));
    }
    const query = update.callback_query;
    if (isObject(query)) {
      query.id = str(query.id) ?? String(this.nextQueryId++);
      query.from = completeUser(query.from);
      query.chat_instance ??= String(-this.nextQueryId++);
      if (isObject(query.message) && isObject(query.message.chat)) {
        const stored = this.chats.get(Number(query.message.chat.id))?.messages.get(Number(query.message.message_id));
        if (stored) query.message = stored;
      }
      this.callbackQueries.set(query.id as string, null);
    }
    const inline = update.inline_query;
    if (isObject(inline)) {
      inline.id = str(inline.id) ?? String(this.nextQueryId++);
      inline.from = completeUser(inline.from);
      inline.query ??= '';
      inline.offset ??= '';
      this.inlineQueries.set(inline.id as string, null);
    }
    const member = update.my_chat_member;
    if (isObject(member) && isObject(member.chat)) {
      const state = this.chatState(member.chat as unknown as Chat);
      const status = isObject(member.new_chat_member) ? member.new_chat_member.status : undefined;
      member.date ??= now();
      if (member.from) member.from = completeUser(member.from);
      state.botStatus = status === 'kicked' ? 'kicked' : status === 'left' ? 'left' : 'member';
    }
    return this.enqueue(update);
  }

  /**
   * Creates an update (as {@link sendUserUpdate}) and waits for its delivery to the webhook set with
   * setWebhook; resolves with the delivery (undefined if `allowed_updates` dropped the update).
   * @example
   * const delivery = await emulator.pushUpdate({ message: { from: alice, text: 'hi' } });
   * expect(delivery?.secretToken).toBe('s3cret');
   */
  async pushUpdate(input: UpdateInput): Promise<WebhookDelivery | undefined> {
    if (!this.webhook) throw new Error('BotApiEmulator: pushUpdate needs a webhook (setWebhook) first');
    const update = this.sendUserUpdate(input);
    await this.webhookChain;
    return this.webhookDeliveries.findLast((d) => d.update_id === update.update_id);
  }

  // ——— HTTP ———

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    let params: Params = {};
    let parseError: ApiError | undefined;
    try {
      params = parseParams(url, req.headers['content-type'] ?? '', Buffer.concat(chunks));
    } catch (error) {
      parseError = error instanceof ApiError ? error : bad("can't parse JSON object");
    }
    const requested = route?.[2] ?? url.pathname;
    const method = CANONICAL.get(requested.toLowerCase());
    const call: ApiCall = { method: method ?? requested, params, time: Date.now(), monotonic: performance.now() };
    this.calls.push(call);
    res.on('close', () => {
      if (call.status === undefined && !res.writableEnded) call.abortedByClient = true;
    });
    if (!route || !/^\d+:[\w-]+$/.test(route[1] ?? '')) return this.reply(res, call, error(404, 'Not Found'));
    if (route[1] !== this.token) return this.reply(res, call, error(401, 'Unauthorized'));
    if (!method) return this.reply(res, call, error(404, 'Not Found'));
    if (parseError) return this.reply(res, call, { ok: false, ...parseError.error });

    const fault = this.takeFault(method);
    if (fault?.kind === 'error') return this.reply(res, call, { ok: false, ...fault.error });
    if (fault?.kind === 'drop') {
      call.status = 0;
      req.socket.destroy();
      return this.notify();
    }
    if (fault?.kind === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return this.notify();
    }

    try {
      const response = method === 'getUpdates' ? this.getUpdates(params, call, res) : this.execute(method, params);
      if (response) this.reply(res, call, response);
      else this.notify();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      this.reply(res, call, { ok: false, ...caught.error });
    }
  }

  private reply(res: ServerResponse, call: ApiCall, response: ApiResponse): void {
    // A client that closed its side (e.g. grammY aborting a long poll on bot.stop()) gets no answer; its
    // close event may not have been handled yet when a newer request comes in.
    const socket = res.socket;
    if (res.destroyed || !socket || socket.destroyed || socket.readableEnded) {
      call.abortedByClient = true;
      res.destroy();
      return this.notify();
    }
    const status = response.ok ? 200 : response.error_code;
    call.status = status;
    call.response = response;
    call.answeredAt = Date.now();
    const body = JSON.stringify(response);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    this.notify();
  }

  private addFault(method: string, fault: Fault): void {
    const key = method.toLowerCase();
    this.faults.set(key, [...(this.faults.get(key) ?? []), fault]);
  }

  private takeFault(method: string): Fault | undefined {
    const list = this.faults.get(method.toLowerCase());
    const fault = list?.[0];
    if (!list || !fault) return undefined;
    if (--fault.left <= 0) list.shift();
    return fault;
  }

  // ——— Updates ———

  private enqueue(fields: Params): Update {
    const update = { update_id: this.nextUpdateId++, ...fields } as Update;
    const type = Object.keys(fields)[0] ?? '';
    const allowed = this.allowedUpdates ? this.allowedUpdates.includes(type) : !NOT_BY_DEFAULT.has(type);
    if (!allowed) {
      this.droppedUpdates.push(update);
      return update;
    }
    this.queue.push(update);
    if (this.webhook) this.flushWebhook();
    else this.wakePoll();
    return update;
  }

  private getUpdates(p: Params, call: ApiCall, res: ServerResponse): ApiResponse | undefined {
    if (this.webhook) throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = int(p.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, int(p.limit) ?? 100));
    const timeout = Math.max(0, int(p.timeout) ?? 0);
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.length ? p.allowed_updates.map(String) : undefined;
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);
    if (this.poll) {
      const earlier = this.poll;
      this.poll = undefined;
      clearTimeout(earlier.timer);
      this.reply(earlier.res, earlier.call, { ok: false, ...conflict('terminated by other getUpdates request; make sure that only one bot instance is running').error });
    }
    if (this.queue.length > 0 || timeout === 0) return { ok: true, result: this.queue.slice(0, limit) };
    const poll = {
      res,
      call,
      limit,
      timer: setTimeout(() => {
        if (this.poll !== poll) return;
        this.poll = undefined;
        this.reply(res, call, { ok: true, result: [] });
      }, timeout * 1000),
    };
    this.poll = poll;
    res.on('close', () => {
      if (this.poll !== poll) return;
      clearTimeout(poll.timer);
      this.poll = undefined;
    });
    return undefined;
  }

  /** Answers the pending long poll with what is queued, after the current tick (several updates made together come together). */
  private wakePoll(): void {
    if (!this.poll || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const poll = this.poll;
      if (!poll || this.queue.length === 0) return;
      this.poll = undefined;
      clearTimeout(poll.timer);
      this.reply(poll.res, poll.call, { ok: true, result: this.queue.slice(0, poll.limit) });
    });
  }

  private flushWebhook(): void {
    this.webhookChain = this.webhookChain.then(async () => {
      for (const update of [...this.queue]) {
        const hook = this.webhook;
        if (!hook) return;
        const delivery = await deliver(hook, update);
        this.webhookDeliveries.push(delivery);
        if (delivery.status >= 200 && delivery.status < 300) this.queue = this.queue.filter((u) => u !== update);
        else this.webhookError = { date: now(), message: delivery.error ?? 'Unknown error' };
        this.notify();
      }
    });
  }

  // ——— Methods ———

  private execute(method: string, p: Params): ApiResponse {
    const ok = (result: unknown, description?: string): ApiResponse => ({ ok: true, result, ...(description ? { description } : {}) });
    switch (method) {
      case 'getMe':
        return ok(this.botInfo);
      case 'deleteWebhook':
        return ok(true, this.deleteWebhook(bool(p.drop_pending_updates)));
      case 'setWebhook':
        return ok(true, this.setWebhook(p));
      case 'getWebhookInfo':
        return ok(this.webhookInfo());
      case 'sendMessage':
        return ok(this.sendMessage(p));
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return ok(this.editMessage(method, p));
      case 'deleteMessage':
        return ok(this.deleteMessage(p));
      case 'answerCallbackQuery':
        return ok(this.answerCallbackQuery(p));
      case 'answerInlineQuery':
        return ok(this.answerInlineQuery(p));
      case 'sendChatAction':
        this.sendableChat(p.chat_id);
        if (!CHAT_ACTIONS.has(String(p.action))) throw bad('wrong parameter action in request');
        return ok(true);
      case 'setMyCommands':
        return ok(this.setMyCommands(p));
      case 'getMyCommands':
        return ok(this.myCommands(scopeOf(p.scope), str(p.language_code) ?? ''));
      case 'deleteMyCommands':
        this.commands.delete(scopeKey(scopeOf(p.scope), str(p.language_code) ?? ''));
        return ok(true);
      case 'setMyDescription':
      case 'setMyShortDescription': {
        const short = method === 'setMyShortDescription';
        const text = str(short ? p.short_description : p.description) ?? '';
        if (utf16Length(text) > (short ? 120 : 512)) throw bad(short ? 'short description is too long' : 'description is too long');
        this.descriptions.set(`${short}|${str(p.language_code) ?? ''}`, text);
        return ok(true);
      }
      case 'getMyDescription':
        return ok({ description: this.descriptions.get(`false|${str(p.language_code) ?? ''}`) ?? '' });
      case 'getMyShortDescription':
        return ok({ short_description: this.descriptions.get(`true|${str(p.language_code) ?? ''}`) ?? '' });
      default:
        // setChatMenuButton, close, logOut: accepted.
        return ok(true);
    }
  }

  private deleteWebhook(dropPending: boolean): string {
    if (dropPending) this.queue = [];
    const had = this.webhook !== undefined;
    this.webhook = undefined;
    this.webhookError = undefined;
    return had ? 'Webhook was deleted' : 'Webhook is already deleted';
  }

  private setWebhook(p: Params): string {
    const url = str(p.url) ?? '';
    if (url === '') return this.deleteWebhook(bool(p.drop_pending_updates));
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad('invalid webhook URL specified');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw bad('bad webhook: An HTTPS URL must be provided for webhook');
    const secretToken = str(p.secret_token);
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw bad(secretToken.length > 256 ? 'secret token is too long' : 'secret token contains unallowed characters');
    }
    const maxConnections = int(p.max_connections) ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw bad('bad webhook: max_connections must be between 1 and 100');
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.length ? p.allowed_updates.map(String) : undefined;
    if (bool(p.drop_pending_updates)) this.queue = [];
    const same = this.webhook?.url === url && this.webhook.secretToken === secretToken && this.webhook.maxConnections === maxConnections;
    this.webhook = { url, maxConnections, ...(secretToken !== undefined ? { secretToken } : {}) };
    if (this.poll) {
      const { res, call, timer } = this.poll;
      this.poll = undefined;
      clearTimeout(timer);
      this.reply(res, call, { ok: false, ...conflict('terminated by setWebhook request').error });
    }
    if (!same) this.webhookError = undefined;
    this.flushWebhook();
    return same ? 'Webhook is already set' : 'Webhook was set';
  }

  private webhookInfo(): Params {
    const info: Params = { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length };
    if (!this.webhook) return info;
    Object.assign(info, { ip_address: '127.0.0.1', max_connections: this.webhook.maxConnections });
    if (this.webhookError) Object.assign(info, { last_error_date: this.webhookError.date, last_error_message: this.webhookError.message });
    if (this.allowedUpdates) info.allowed_updates = this.allowedUpdates;
    return info;
  }

  /** The chat for chat_id, or 400 chat not found / 403 when the bot may not post there. */
  private sendableChat(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === '') throw bad('chat_id is empty');
    const id = int(chatId);
    const state = id === undefined ? undefined : this.chats.get(id);
    if (!state) throw bad('chat not found');
    if (state.botStatus !== 'member') {
      if (state.chat.type === 'private') throw forbidden('bot was blocked by the user');
      const kind = state.chat.type === 'supergroup' ? 'supergroup chat' : state.chat.type === 'channel' ? 'channel chat' : 'group chat';
      throw forbidden(state.botStatus === 'kicked' ? `bot was kicked from the ${kind}` : `bot is not a member of the ${kind}`);
    }
    return state;
  }

  /** Text after entity parsing, validated like sendMessage's `text`. */
  private formatText(raw: unknown, parseMode: unknown, entities: unknown): { text: string; entities: MessageEntity[] } {
    const source = str(raw);
    if (source === undefined || source === '') throw bad('message text is empty');
    const mode = (str(parseMode) ?? '').toLowerCase();
    let parsed: { text: string; entities: MessageEntity[] };
    if (mode === '') parsed = { text: source, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
    else if (mode === 'html') {
      try {
        parsed = parseTelegramHtml(source, { strict: this.strictHtml });
      } catch (error) {
        if (error instanceof TelegramHtmlError) throw bad(error.description.replace(/^Bad Request: /, ''));
        throw error;
      }
    } else if (mode === 'markdown' || mode === 'markdownv2') throw bad('the emulator does not parse Markdown; send HTML');
    else throw bad('unsupported parse_mode');
    if (parsed.text.trim() === '') throw bad('message text is empty');
    if (utf16Length(parsed.text) > 4096) throw bad('message is too long');
    return parsed;
  }

  private sendMessage(p: Params): Message {
    const state = this.sendableChat(p.chat_id);
    const formatted = this.formatText(p.text, p.parse_mode, p.entities);
    const markup = validateMarkup(p.reply_markup);
    const replyParameters = isObject(p.reply_parameters) ? p.reply_parameters : {};
    const replyId = int(replyParameters.message_id ?? p.reply_to_message_id);
    let replyTo: Message | undefined;
    if (replyId !== undefined) {
      replyTo = state.messages.get(replyId);
      if (!replyTo && !bool(replyParameters.allow_sending_without_reply ?? p.allow_sending_without_reply)) {
        throw bad('message to be replied not found');
      }
    }
    const message = {
      message_id: state.nextMessageId++,
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      chat: state.chat,
      date: now(),
      text: formatted.text,
      ...(formatted.entities.length ? { entities: formatted.entities } : {}),
      ...(replyTo ? { reply_to_message: withoutReply(replyTo) } : {}),
      ...(markup?.inline_keyboard ? { reply_markup: markup } : {}),
    } as unknown as Message;
    state.messages.set(message.message_id, message);
    this.sent.push({
      chatId: state.chat.id,
      message_id: message.message_id,
      date: message.date,
      source: str(p.text) ?? '',
      ...(str(p.parse_mode) ? { parseMode: str(p.parse_mode) } : {}),
      text: formatted.text,
      entities: formatted.entities,
      ...(markup?.inline_keyboard ? { reply_markup: markup as InlineKeyboardMarkup } : {}),
      ...(replyTo ? { reply_to_message_id: replyTo.message_id } : {}),
      deleted: false,
      message,
    });
    return message;
  }

  private editMessage(method: 'editMessageText' | 'editMessageReplyMarkup', p: Params): Message | true {
    const textEdit = method === 'editMessageText';
    const formatted = textEdit ? this.formatText(p.text, p.parse_mode, p.entities) : undefined;
    const markup = validateMarkup(p.reply_markup);
    const keyboard = markup?.inline_keyboard ? (markup as InlineKeyboardMarkup) : undefined;
    if (p.inline_message_id !== undefined) return true;
    const state = this.sendableChat(p.chat_id);
    const id = int(p.message_id);
    if (id === undefined) throw bad('message identifier is not specified');
    const current = state.messages.get(id) as (Message & { text?: string; entities?: MessageEntity[]; reply_markup?: InlineKeyboardMarkup }) | undefined;
    if (!current) throw bad('message to edit not found');
    if (current.from?.id !== this.botInfo.id) throw bad("message can't be edited");
    const text = formatted?.text ?? current.text;
    const entities = formatted ? formatted.entities : (current.entities ?? []);
    const same =
      text === current.text &&
      JSON.stringify(entities) === JSON.stringify(current.entities ?? []) &&
      JSON.stringify(keyboard) === JSON.stringify(current.reply_markup);
    if (same) throw bad(NOT_MODIFIED);
    const { reply_markup: _oldMarkup, entities: _oldEntities, ...rest } = current;
    const edited = {
      ...rest,
      text,
      ...(entities.length ? { entities } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
      edit_date: now(),
    } as unknown as Message;
    state.messages.set(id, edited);
    const record = this.sent.find((m) => m.chatId === state.chat.id && m.message_id === id);
    if (record) {
      if (formatted && textEdit) {
        record.source = str(p.text) ?? '';
        record.parseMode = str(p.parse_mode);
        record.text = formatted.text;
        record.entities = formatted.entities;
      }
      record.reply_markup = keyboard;
      record.edit_date = edited.edit_date;
      record.message = edited;
    }
    return edited;
  }

  private deleteMessage(p: Params): true {
    const state = this.sendableChat(p.chat_id);
    const id = int(p.message_id);
    const message = id === undefined ? undefined : state.messages.get(id);
    if (!message || id === undefined) throw bad('message to delete not found');
    if (state.chat.type !== 'private' && message.from?.id !== this.botInfo.id) throw bad("message can't be deleted");
    state.messages.delete(id);
    const record = this.sent.find((m) => m.chatId === state.chat.id && m.message_id === id);
    if (record) record.deleted = true;
    return true;
  }

  private answerCallbackQuery(p: Params): true {
    const id = str(p.callback_query_id) ?? '';
    if (this.callbackQueries.get(id) !== null) throw bad(QUERY_INVALID);
    const text = str(p.text);
    if (text !== undefined && utf16Length(text) > 200) throw bad('MESSAGE_TOO_LONG');
    this.callbackQueries.set(id, p);
    return true;
  }

  private answerInlineQuery(p: Params): true {
    const id = str(p.inline_query_id) ?? '';
    if (this.inlineQueries.get(id) !== null) throw bad(QUERY_INVALID);
    const results = p.results;
    if (!Array.isArray(results)) throw bad("can't parse JSON encoded inline query results");
    if (results.length > 50) throw bad('RESULTS_TOO_MUCH');
    const ids = new Set<string>();
    for (const result of results as unknown[]) {
      if (!isObject(result)) throw bad("can't parse inline query result: expected an Object");
      const type = str(result.type);
      if (type === undefined) throw bad(`can't parse inline query result: Can't find field "type"`);
      if (!INLINE_RESULT_TYPES.has(type)) throw bad(`can't parse inline query result: Unsupported inline query result type "${type}"`);
      const resultId = str(result.id);
      if (resultId === undefined) throw bad(`can't parse inline query result: Can't find field "id"`);
      const bytes = Buffer.byteLength(resultId);
      if (bytes < 1 || bytes > 64) throw bad('RESULT_ID_INVALID');
      if (ids.has(resultId)) throw bad('RESULT_ID_DUPLICATE');
      ids.add(resultId);
      if (type === 'article' && str(result.title) === undefined) throw bad(`can't parse inline query result: Can't find field "title"`);
      const content = result.input_message_content;
      if (type === 'article' && !isObject(content)) throw bad(`can't parse inline query result: Can't find field "input_message_content"`);
      if (isObject(content)) {
        if (content.message_text !== undefined) this.formatText(content.message_text, content.parse_mode, content.entities);
        else if (content.latitude === undefined && content.phone_number === undefined && content.payload === undefined) {
          throw bad(`can't parse inline query result: Can't find field "message_text"`);
        }
      }
      validateMarkup(result.reply_markup);
    }
    this.inlineQueries.set(id, p);
    return true;
  }

  private setMyCommands(p: Params): true {
    const commands = p.commands;
    if (!Array.isArray(commands)) throw bad('parameter "commands" is required');
    if (commands.length > 100) throw bad('BOT_COMMANDS_TOO_MUCH');
    const valid: BotCommand[] = [];
    for (const c of commands as unknown[]) {
      const command = isObject(c) ? str(c.command) : undefined;
      const description = isObject(c) ? str(c.description) : undefined;
      if (command === undefined || !/^[a-z0-9_]{1,32}$/.test(command)) throw bad('BOT_COMMAND_INVALID');
      if (description === undefined || description.trim() === '' || utf16Length(description) > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
      valid.push({ command, description });
    }
    const key = scopeKey(scopeOf(p.scope), str(p.language_code) ?? '');
    if (valid.length) this.commands.set(key, valid);
    else this.commands.delete(key);
    return true;
  }

  // ——— Test-side state ———

  private chatState(chat: Chat): ChatState {
    const existing = this.chats.get(chat.id);
    if (existing) return existing;
    const state: ChatState = { chat, nextMessageId: 1, messages: new Map(), botStatus: 'member' };
    this.chats.set(chat.id, state);
    return state;
  }

  private completeMessage(fields: Params, edited: boolean): Message {
    const from = fields.from === undefined ? undefined : completeUser(fields.from);
    const chat = (fields.chat ?? (from ? privateChat(from) : undefined)) as Chat | undefined;
    if (!chat) throw new Error('BotApiEmulator: a message needs a chat or a from');
    const state = this.chatState(chat);
    const id = int(fields.message_id) ?? state.nextMessageId;
    state.nextMessageId = Math.max(state.nextMessageId, id + 1);
    const message: Params = { message_id: id, ...(from ? { from } : {}), chat: state.chat, date: now(), ...fields };
    message.message_id = id;
    if (from) message.from = from;
    message.chat = state.chat;
    if (edited) message.edit_date ??= now();
    if (typeof message.text === 'string' && message.entities === undefined) {
      const entities = detectEntities(message.text);
      if (entities.length) message.entities = entities;
    }
    state.messages.set(id, message as unknown as Message);
    return message as unknown as Message;
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const found = check();
      if (found !== undefined) return resolve(found);
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`BotApiEmulator: timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function error(code: number, description: string): ApiResponse {
  return { ok: false, error_code: code, description };
}

/** Query string and body parameters; form values that look like JSON objects/arrays are parsed, as Telegram does. */
function parseParams(url: URL, contentType: string, body: Buffer): Params {
  const params: Params = {};
  const formValue = (v: string): unknown => {
    if (!/^\s*[[{]/.test(v)) return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  };
  for (const [k, v] of url.searchParams) params[k] = formValue(v);
  if (body.length === 0) return params;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'application/json') {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (!isObject(parsed)) throw bad("can't parse JSON object");
    Object.assign(params, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = formValue(v);
  } else if (type.startsWith('multipart/')) {
    throw bad('the emulator does not accept multipart/form-data (file uploads)');
  }
  return params;
}

/** The markup if valid; 400 like Telegram for an invalid inline keyboard. */
function validateMarkup(markup: unknown): { inline_keyboard?: unknown } | undefined {
  if (markup === undefined) return undefined;
  if (!isObject(markup)) throw bad("can't parse reply keyboard markup JSON object");
  if (markup.inline_keyboard === undefined) return markup;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    for (const button of row as unknown[]) {
      if (!isObject(button)) throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      const text = str(button.text);
      if (text === undefined) throw bad(`can't parse inline keyboard button: Field "text" must be of type String`);
      if (text.trim() === '') throw bad('BUTTON_TEXT_INVALID');
      if (!BUTTON_ACTIONS.some((a) => button[a] !== undefined)) {
        throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(str(button.callback_data) ?? '');
        if (bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID');
      }
      if (button.url !== undefined && !URL.canParse(str(button.url) ?? '')) throw bad('BUTTON_URL_INVALID');
    }
  }
  return markup;
}

function scopeOf(scope: unknown): { type: string; chat_id?: number | string; user_id?: number } | undefined {
  if (scope === undefined) return undefined;
  if (!isObject(scope) || typeof scope.type !== 'string') throw bad("can't parse BotCommandScope JSON object");
  return scope as { type: string };
}

function scopeKey(scope: { type: string; chat_id?: number | string; user_id?: number } | undefined, languageCode: string): string {
  const s = scope ?? { type: 'default' };
  return `${s.type}|${s.chat_id ?? ''}|${s.user_id ?? ''}|${languageCode}`;
}

function completeUser(user: unknown): User {
  if (!isObject(user) || int(user.id) === undefined) throw new Error('BotApiEmulator: a user needs an id');
  return { is_bot: false, first_name: 'User', ...user } as unknown as User;
}

function privateChat(user: User): Chat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  } as Chat;
}

function withoutReply(message: Message): Message {
  const { reply_to_message: _reply, ...rest } = message as Message & { reply_to_message?: unknown };
  return rest as Message;
}

/** bot_command and mention entities, as Telegram clients mark them in what users type. */
function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/(?<![\w/@])\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?/g)) {
    found.push({ type: 'bot_command', offset: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(/(?<![\w@/])@[a-zA-Z0-9_]{5,32}(?![\w])/g)) {
    found.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** POSTs one update to the webhook. */
function deliver(hook: { url: string; secretToken?: string }, update: Update): Promise<WebhookDelivery> {
  const body = JSON.stringify(update);
  const url = new URL(hook.url);
  const base = { update_id: update.update_id, url: hook.url, ...(hook.secretToken !== undefined ? { secretToken: hook.secretToken } : {}) };
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number, reason?: string): void => {
      if (settled) return;
      settled = true;
      resolve({ ...base, status, ...(reason ? { error: reason } : {}), time: Date.now() });
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: 10_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(hook.secretToken !== undefined ? { 'X-Telegram-Bot-Api-Secret-Token': hook.secretToken } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          done(status, status >= 200 && status < 300 ? undefined : `Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim());
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => done(0, e.code === 'ECONNREFUSED' ? 'Connection refused' : e.message === 'timeout' ? 'Read timeout expired' : e.message));
    req.end(body);
  });
}
