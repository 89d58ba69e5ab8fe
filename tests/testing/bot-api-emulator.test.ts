import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, InlineKeyboard } from 'grammy';
import type { Chat, Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../../src/testing/bot-api-emulator.ts';

const TOKEN = '123456789:AAE_emulator-test-token_abcdefghijkl';
const ALICE = { id: 1001, first_name: 'Alice', username: 'alice_user' };
const BOB = { id: 1002, first_name: 'Bob' };
const GROUP: Chat = { id: -100_200_300, type: 'supergroup', title: 'Test group' };

interface Answer {
  ok: boolean;
  // The result's shape depends on the method; tests read it freely.
  result?: any;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

let emulator: BotApiEmulator;

beforeEach(async () => {
  emulator = new BotApiEmulator({ token: TOKEN });
  await emulator.start();
});

afterEach(async () => {
  await emulator.stop();
});

/** A raw Bot API call with a JSON body, as grammY makes it. */
async function api(method: string, params: Record<string, unknown> = {}, token = TOKEN): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${emulator.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** Sends HTML to Alice's chat and returns the answer. */
async function sendHtml(text: string): Promise<{ status: number; body: Answer }> {
  return api('sendMessage', { chat_id: ALICE.id, text, parse_mode: 'HTML' });
}

function expectBadRequest(answer: { status: number; body: Answer }, description: string): void {
  expect(answer).toEqual({ status: 400, body: { ok: false, error_code: 400, description } });
}

const entitiesError = (reason: string): string => `Bad Request: can't parse entities: ${reason}`;

describe('HTTP protocol', () => {
  it('answers getMe over JSON, url-encoded and query-string requests, with case-insensitive method names', async () => {
    const json = await api('getMe');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ ok: true, result: { id: 123456789, is_bot: true, username: 'test_bot' } });

    const form = await fetch(`${emulator.apiRoot}/bot${TOKEN}/sendChatAction`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: String(ALICE.id), action: 'typing' }),
    });
    expect(form.status).toBe(400); // the chat does not exist yet: parameters were read
    expect(((await form.json()) as Answer).description).toBe('Bad Request: chat not found');

    const get = await fetch(`${emulator.apiRoot}/bot${TOKEN}/GETME`);
    expect(((await get.json()) as Answer).result.id).toBe(123456789);
    expect(emulator.calls.map((c) => c.method)).toEqual(['getMe', 'sendChatAction', 'getMe']);
  });

  it('answers 401 Unauthorized for another token and 404 Not Found for an unknown method', async () => {
    expect(await api('getMe', {}, '123456789:wrong')).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect(await api('sendPhotoo')).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    const noBot = await fetch(`${emulator.apiRoot}/getMe`);
    expect(noBot.status).toBe(404);
    expect(emulator.calls.map((c) => c.status)).toEqual([401, 404, 404]);
  });
});

describe('getUpdates', () => {
  it('keeps updates until an offset confirms them, so none is delivered twice', async () => {
    const first = emulator.sendUserMessage({ from: ALICE, text: 'one' }).update;
    const second = emulator.sendUserMessage({ from: ALICE, text: 'two' }).update;
    expect(second.update_id).toBe(first.update_id + 1);

    const fetched = await api('getUpdates');
    expect(fetched.body.result.map((u: Update) => u.message?.text)).toEqual(['one', 'two']);
    // Not confirmed yet: the same updates again.
    expect((await api('getUpdates')).body.result.map((u: Update) => u.update_id)).toEqual([first.update_id, second.update_id]);
    // offset = first + 1 confirms the first only.
    expect((await api('getUpdates', { offset: first.update_id + 1 })).body.result.map((u: Update) => u.update_id)).toEqual([second.update_id]);
    expect((await api('getUpdates', { offset: second.update_id + 1 })).body.result).toEqual([]);
    // Confirmed updates are gone for good, even with an older offset.
    expect((await api('getUpdates', { offset: first.update_id })).body.result).toEqual([]);
    expect(emulator.pendingUpdates).toEqual([]);
  });

  it('honours limit and a negative offset (the last updates, older ones forgotten)', async () => {
    for (const text of ['a', 'b', 'c']) emulator.sendUserMessage({ from: ALICE, text });
    expect((await api('getUpdates', { limit: 2 })).body.result.map((u: Update) => u.message?.text)).toEqual(['a', 'b']);
    expect((await api('getUpdates', { offset: -1 })).body.result.map((u: Update) => u.message?.text)).toEqual(['c']);
    expect(emulator.pendingUpdates.map((u) => u.message?.text)).toEqual(['c']);
  });

  it('long-polls: waits for the timeout when nothing comes', async () => {
    const started = Date.now();
    const answer = await api('getUpdates', { timeout: 1 });
    expect(answer.body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('long-polls: answers as soon as an update arrives', async () => {
    const started = Date.now();
    const polling = api('getUpdates', { timeout: 20 });
    await emulator.waitForCall('getUpdates');
    setTimeout(() => emulator.sendUserMessage({ from: ALICE, text: 'wake up' }), 150);
    const answer = await polling;
    expect(answer.body.result.map((u: Update) => u.message?.text)).toEqual(['wake up']);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers the earlier of two overlapping getUpdates with 409 Conflict, and serves the later one', async () => {
    const earlier = api('getUpdates', { timeout: 10 });
    await emulator.waitForCall('getUpdates');
    const later = await api('getUpdates', { timeout: 0 });
    expect(await earlier).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    expect(later).toEqual({ status: 200, body: { ok: true, result: [] } });
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await api('setWebhook', { url: 'http://127.0.0.1:9/hook' });
    expect(await api('getUpdates')).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" },
    });
  });

  it('filters by allowed_updates from then on, and by default leaves out chat_member', async () => {
    emulator.sendUserUpdate({ chat_member: { chat: GROUP, from: ALICE, date: 1 } });
    await api('getUpdates', { allowed_updates: ['message'] });
    emulator.sendUserUpdate({ callback_query: { from: ALICE, data: 'x' } });
    emulator.sendUserMessage({ from: ALICE, text: 'kept' });
    const result = (await api('getUpdates')).body.result as Update[];
    expect(result.map((u) => Object.keys(u))).toEqual([['update_id', 'message']]);
    expect(emulator.droppedUpdates.map((u) => Object.keys(u)[1])).toEqual(['chat_member', 'callback_query']);
  });
});

describe('sendMessage', () => {
  beforeEach(() => {
    emulator.sendUserMessage({ from: ALICE, text: 'hi' }); // creates the chat, message 1
  });

  it('needs a known chat and a text', async () => {
    expectBadRequest(await api('sendMessage', { chat_id: 999, text: 'x' }), 'Bad Request: chat not found');
    expectBadRequest(await api('sendMessage', { text: 'x' }), 'Bad Request: chat_id is empty');
    expectBadRequest(await api('sendMessage', { chat_id: ALICE.id }), 'Bad Request: message text is empty');
    expectBadRequest(await sendHtml('<b> </b>'), 'Bad Request: message text is empty');
  });

  it('returns and stores a real Message with ids increasing per chat', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'More', callback_data: 'more:1' }]] };
    const sent = await api('sendMessage', { chat_id: ALICE.id, text: 'answer', reply_markup: keyboard });
    expect(sent.body.result).toMatchObject({
      message_id: 2,
      from: { id: 123456789, is_bot: true, username: 'test_bot' },
      chat: { id: ALICE.id, type: 'private', first_name: 'Alice' },
      text: 'answer',
      reply_markup: keyboard,
    });
    expect(typeof sent.body.result.date).toBe('number');
    expect((await api('sendMessage', { chat_id: ALICE.id, text: 'again' })).body.result.message_id).toBe(3);
    const [first, second] = emulator.botMessages(ALICE.id);
    expect(first).toMatchObject({ message_id: 2, text: 'answer', source: 'answer', reply_markup: keyboard, deleted: false });
    expect(second?.message_id).toBe(3);
  });

  it('parses valid HTML into text and entities like Telegram', async () => {
    const html =
      '<b>bold <i>both</i></b> <a href="https://example.com/a?b=1&amp;c=2">link</a> &lt;x&gt; &amp; &quot;q&quot; &#1605;&#x0645;\n' +
      '<blockquote expandable>long quote</blockquote><pre><code class="language-ts">let a = 1;</code></pre>' +
      '<tg-spoiler>s</tg-spoiler><span class="tg-spoiler">t</span><u>u</u><s>x</s><code>c</code>';
    const sent = await sendHtml(html);
    expect(sent.status).toBe(200);
    const text = 'bold both link <x> & "q" مم\nlong quotelet a = 1;stuxc';
    expect(sent.body.result.text).toBe(text);
    expect(sent.body.result.entities).toEqual([
      { type: 'bold', offset: 0, length: 9 },
      { type: 'italic', offset: 5, length: 4 },
      { type: 'text_link', offset: 10, length: 4, url: 'https://example.com/a?b=1&c=2' },
      { type: 'expandable_blockquote', offset: 28, length: 10 },
      { type: 'pre', offset: 38, length: 10, language: 'ts' },
      { type: 'spoiler', offset: 48, length: 1 },
      { type: 'spoiler', offset: 49, length: 1 },
      { type: 'underline', offset: 50, length: 1 },
      { type: 'strikethrough', offset: 51, length: 1 },
      { type: 'code', offset: 52, length: 1 },
    ]);
    expect(emulator.botMessages(ALICE.id)[0]).toMatchObject({ source: html, parseMode: 'HTML', text });
  });

  it.each([
    ['<script>alert(1)</script>', 'Unsupported start tag "script" at byte offset 0'],
    ['<b>bold', `Can't find end tag corresponding to start tag "b"`],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['AT&T', 'Unescaped "&" at byte offset 2'],
    ['&nbsp;', 'Unescaped "&" at byte offset 0'],
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['<a href="x">y</a', 'Unclosed end tag at byte offset 13'],
    ['مرحبا <p>x</p>', 'Unsupported start tag "p" at byte offset 11'],
  ])('refuses %j like Telegram', async (html, reason) => {
    expectBadRequest(await sendHtml(html), entitiesError(reason));
    expect(emulator.botMessages()).toEqual([]);
  });

  it('counts at most 4096 UTF-16 code units after entity parsing', async () => {
    expect((await sendHtml('x'.repeat(4096))).status).toBe(200);
    expect((await sendHtml(`<b>${'x'.repeat(4096)}</b>`)).status).toBe(200);
    expect((await sendHtml('&amp;'.repeat(4096))).body.result.text).toBe('&'.repeat(4096));
    expectBadRequest(await sendHtml(`${'&amp;'.repeat(4096)}x`), 'Bad Request: message is too long');
    expectBadRequest(await api('sendMessage', { chat_id: ALICE.id, text: 'x'.repeat(4097) }), 'Bad Request: message is too long');
    // UTF-16 code units: neither bytes (Arabic letters are 2 bytes) nor code points (👍 is 2 units).
    expect((await api('sendMessage', { chat_id: ALICE.id, text: 'م'.repeat(4096) })).status).toBe(200);
    expect((await api('sendMessage', { chat_id: ALICE.id, text: '👍'.repeat(2048) })).status).toBe(200);
    expectBadRequest(await api('sendMessage', { chat_id: ALICE.id, text: '👍'.repeat(2049) }), 'Bad Request: message is too long');
  });

  it('accepts a bare & like Telegram when strictHtml is off', async () => {
    const lenient = new BotApiEmulator({ token: TOKEN, strictHtml: false });
    await lenient.start();
    try {
      lenient.sendUserMessage({ from: ALICE, text: 'hi' });
      const res = await fetch(`${lenient.apiRoot}/bot${TOKEN}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: ALICE.id, text: 'AT&T &nbsp; <b>x</b>', parse_mode: 'HTML' }),
      });
      expect(((await res.json()) as Answer).result.text).toBe('AT&T &nbsp; x');
    } finally {
      await lenient.stop();
    }
  });

  it('replies only to a message that exists in the chat, unless allowed to send without it', async () => {
    const replied = await api('sendMessage', { chat_id: ALICE.id, text: 'r', reply_parameters: { message_id: 1 } });
    expect(replied.body.result.reply_to_message).toMatchObject({ message_id: 1, text: 'hi' });
    expectBadRequest(
      await api('sendMessage', { chat_id: ALICE.id, text: 'r', reply_parameters: { message_id: 77 } }),
      'Bad Request: message to be replied not found',
    );
    const without = await api('sendMessage', { chat_id: ALICE.id, text: 'r', reply_parameters: { message_id: 77, allow_sending_without_reply: true } });
    expect(without.status).toBe(200);
    expect(without.body.result.reply_to_message).toBeUndefined();
  });

  it('checks inline keyboards: callback_data of 1–64 bytes, buttons with text', async () => {
    const send = (button: Record<string, unknown>) =>
      api('sendMessage', { chat_id: ALICE.id, text: 'k', reply_markup: { inline_keyboard: [[{ text: 'B', ...button }]] } });
    expect((await send({ callback_data: 'x'.repeat(64) })).status).toBe(200);
    expect((await send({ callback_data: 'ب'.repeat(32) })).status).toBe(200); // 64 bytes
    expectBadRequest(await send({ callback_data: 'x'.repeat(65) }), 'Bad Request: BUTTON_DATA_INVALID');
    expectBadRequest(await send({ callback_data: 'ب'.repeat(33) }), 'Bad Request: BUTTON_DATA_INVALID'); // 33 characters, 66 bytes
    expectBadRequest(await send({ callback_data: '' }), 'Bad Request: BUTTON_DATA_INVALID');
    expectBadRequest(await send({ text: '', callback_data: 'a' }), 'Bad Request: BUTTON_TEXT_INVALID');
    expectBadRequest(await send({}), "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  });

  it('refuses to send after the user blocked the bot', async () => {
    emulator.sendUserUpdate({
      my_chat_member: {
        chat: { id: ALICE.id, type: 'private', first_name: 'Alice' },
        from: ALICE,
        old_chat_member: { status: 'member', user: emulator.botInfo },
        new_chat_member: { status: 'kicked', user: emulator.botInfo, until_date: 0 },
      },
    });
    expect(await api('sendMessage', { chat_id: ALICE.id, text: 'x' })).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
  });
});

describe('editing and deleting', () => {
  it('edits only real changes, drops the keyboard an edit leaves out, and forgets deleted messages', async () => {
    emulator.sendUserMessage({ from: ALICE, text: 'hi' });
    const keyboard = { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] };
    const id = (await api('sendMessage', { chat_id: ALICE.id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: keyboard })).body.result.message_id;

    expectBadRequest(
      await api('editMessageText', { chat_id: ALICE.id, message_id: id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: keyboard }),
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    const edited = await api('editMessageText', { chat_id: ALICE.id, message_id: id, text: 'v2' });
    expect(edited.body.result).toMatchObject({ message_id: id, text: 'v2' });
    expect(edited.body.result.reply_markup).toBeUndefined();
    expect(typeof edited.body.result.edit_date).toBe('number');
    expect(emulator.botMessages(ALICE.id)[0]).toMatchObject({ text: 'v2', entities: [], reply_markup: undefined });

    expect((await api('editMessageReplyMarkup', { chat_id: ALICE.id, message_id: id, reply_markup: keyboard })).body.result.reply_markup).toEqual(keyboard);
    expectBadRequest(await api('editMessageText', { chat_id: ALICE.id, message_id: 1, text: 'x' }), "Bad Request: message can't be edited");
    expectBadRequest(await api('editMessageText', { chat_id: ALICE.id, message_id: 99, text: 'x' }), 'Bad Request: message to edit not found');

    expect((await api('deleteMessage', { chat_id: ALICE.id, message_id: id })).body.result).toBe(true);
    expect(emulator.botMessages(ALICE.id)[0]?.deleted).toBe(true);
    expectBadRequest(await api('deleteMessage', { chat_id: ALICE.id, message_id: id }), 'Bad Request: message to delete not found');
    expectBadRequest(await api('editMessageText', { chat_id: ALICE.id, message_id: id, text: 'x' }), 'Bad Request: message to edit not found');
  });
});

describe('test control API', () => {
  it('builds group messages with detected mentions and commands, replies to the bot, and other kinds of updates', async () => {
    emulator.sendUserMessage({ from: ALICE, chat: GROUP, text: 'first' });
    const botReply = (await api('sendMessage', { chat_id: GROUP.id, text: 'from the bot' })).body.result;
    const { message } = emulator.sendUserMessage({ from: BOB, chat: GROUP, text: '@test_bot what? /help@test_bot', reply_to_message_id: botReply.message_id });
    expect(message).toMatchObject({
      message_id: 3,
      chat: GROUP,
      from: { id: BOB.id, is_bot: false },
      entities: [
        { type: 'mention', offset: 0, length: 9 },
        { type: 'bot_command', offset: 16, length: 14 },
      ],
      reply_to_message: { message_id: botReply.message_id, from: { id: emulator.botInfo.id, is_bot: true } },
    });
    expect(() => emulator.sendUserMessage({ from: BOB, chat: GROUP, text: 'x', reply_to_message_id: 99 })).toThrow(/no message 99/);

    const sticker = emulator.sendUserUpdate({
      message: { from: ALICE, sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } },
    });
    expect(sticker.message).toMatchObject({ message_id: 1, chat: { id: ALICE.id, type: 'private' }, sticker: { file_id: 'f' } });
    const edited = emulator.sendUserUpdate({ edited_message: { from: ALICE, message_id: 1, text: 'edited' } });
    expect(edited.edited_message).toMatchObject({ message_id: 1, text: 'edited' });
    expect(typeof edited.edited_message?.edit_date).toBe('number');
    const inline = emulator.sendUserUpdate({ inline_query: { from: ALICE, query: 'q' } });
    expect(inline.inline_query).toMatchObject({ query: 'q', offset: '', from: { is_bot: false } });

    const types = ((await api('getUpdates')).body.result as Update[]).map((u) => Object.keys(u)[1]);
    expect(types).toEqual(['message', 'message', 'message', 'edited_message', 'inline_query']);
  });
});

describe('callback and inline queries', () => {
  it('accepts one answer per callback query, with at most 200 characters', async () => {
    const query = emulator.sendUserUpdate({ callback_query: { from: ALICE, data: 'x' } }).callback_query;
    const other = emulator.sendUserUpdate({ callback_query: { from: ALICE, data: 'y' } }).callback_query;
    expect(query?.id).toBeTypeOf('string');
    const tooOld = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
    expectBadRequest(await api('answerCallbackQuery', { callback_query_id: other?.id, text: 'x'.repeat(201) }), 'Bad Request: MESSAGE_TOO_LONG');
    expect(emulator.callbackAnswer(query?.id ?? '')).toBeUndefined();
    expect((await api('answerCallbackQuery', { callback_query_id: query?.id, text: 'Done' })).body).toEqual({ ok: true, result: true });
    expect(emulator.callbackAnswer(query?.id ?? '')).toMatchObject({ text: 'Done' });
    expectBadRequest(await api('answerCallbackQuery', { callback_query_id: query?.id }), tooOld);
    expectBadRequest(await api('answerCallbackQuery', { callback_query_id: 'nope' }), tooOld);
  });

  it('checks inline results like Telegram', async () => {
    const article = (id: string, text = 'answer', extra: Record<string, unknown> = {}) => ({
      type: 'article',
      id,
      title: 'T',
      input_message_content: { message_text: text, parse_mode: 'HTML' },
      ...extra,
    });
    const answer = async (results: unknown[]) => {
      const query = emulator.sendUserUpdate({ inline_query: { from: ALICE, query: 'q' } }).inline_query;
      return api('answerInlineQuery', { inline_query_id: query?.id, results });
    };
    const many = (n: number) => Array.from({ length: n }, (_, i) => article(`r${i}`));
    expect((await answer(many(50))).status).toBe(200);
    expectBadRequest(await answer(many(51)), 'Bad Request: RESULTS_TOO_MUCH');
    expectBadRequest(await answer([article('a'), article('a')]), 'Bad Request: RESULT_ID_DUPLICATE');
    expect((await answer([article('x'.repeat(64))])).status).toBe(200);
    expectBadRequest(await answer([article('x'.repeat(65))]), 'Bad Request: RESULT_ID_INVALID');
    expectBadRequest(await answer([{ type: 'article', id: 'a', input_message_content: { message_text: 'x' } }]), `Bad Request: can't parse inline query result: Can't find field "title"`);
    expectBadRequest(await answer([{ type: 'article', id: 'a', title: 'T' }]), `Bad Request: can't parse inline query result: Can't find field "input_message_content"`);
    expect((await answer([article('a', '&amp;'.repeat(4096))])).status).toBe(200);
    expectBadRequest(await answer([article('a', 'x'.repeat(4097))]), 'Bad Request: message is too long');
    expectBadRequest(await answer([article('a', '<b>x')]), entitiesError(`Can't find end tag corresponding to start tag "b"`));
    expectBadRequest(
      await answer([article('a', 'x', { reply_markup: { inline_keyboard: [[{ text: 'B', callback_data: 'y'.repeat(65) }]] } })]),
      'Bad Request: BUTTON_DATA_INVALID',
    );
  });
});

describe('chat actions and commands', () => {
  it('accepts only real chat actions', async () => {
    emulator.sendUserMessage({ from: ALICE, text: 'hi' });
    expect((await api('sendChatAction', { chat_id: ALICE.id, action: 'typing' })).body).toEqual({ ok: true, result: true });
    expectBadRequest(await api('sendChatAction', { chat_id: ALICE.id, action: 'dancing' }), 'Bad Request: wrong parameter action in request');
  });

  it('validates commands and keeps them per scope and language', async () => {
    const commands = [{ command: 'start', description: 'Start' }, { command: 'help_me2', description: 'Help' }];
    expect((await api('setMyCommands', { commands })).body.result).toBe(true);
    expect((await api('setMyCommands', { commands: [commands[0]], language_code: 'ar' })).body.result).toBe(true);
    expect((await api('getMyCommands')).body.result).toEqual(commands);
    expect((await api('getMyCommands', { language_code: 'ar' })).body.result).toEqual([commands[0]]);
    expect((await api('getMyCommands', { scope: { type: 'all_group_chats' } })).body.result).toEqual([]);
    expect(emulator.myCommands(undefined, 'ar')).toEqual([commands[0]]);

    expectBadRequest(await api('setMyCommands', { commands: [{ command: 'Start', description: 'x' }] }), 'Bad Request: BOT_COMMAND_INVALID');
    expectBadRequest(await api('setMyCommands', { commands: [{ command: 'x'.repeat(33), description: 'x' }] }), 'Bad Request: BOT_COMMAND_INVALID');
    expectBadRequest(await api('setMyCommands', { commands: [{ command: 'ok', description: '' }] }), 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    expectBadRequest(await api('setMyCommands', { commands: [{ command: 'ok', description: 'd'.repeat(257) }] }), 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: 'd' }));
    expectBadRequest(await api('setMyCommands', { commands: tooMany }), 'Bad Request: BOT_COMMANDS_TOO_MUCH');
    expect((await api('getMyCommands')).body.result).toEqual(commands);

    expect((await api('deleteMyCommands')).body.result).toBe(true);
    expect((await api('getMyCommands')).body.result).toEqual([]);
  });
});

describe('fault injection', () => {
  it('returns a 429 with retry_after once, then works again', async () => {
    emulator.failNext('getMe', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    expect(await api('getMe')).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } },
    });
    expect((await api('getMe')).status).toBe(200);
  });

  it('fails as many times as asked, per method', async () => {
    emulator.failNext('getMe', { error_code: 500, description: 'Internal Server Error' }, 2);
    expect((await api('getWebhookInfo')).status).toBe(200);
    expect((await api('getMe')).status).toBe(500);
    expect((await api('getMe')).status).toBe(500);
    expect((await api('getMe')).status).toBe(200);
  });

  it('drops the connection or hangs once', async () => {
    emulator.breakNext('getMe', 'drop');
    await expect(api('getMe')).rejects.toThrow();
    expect((await api('getMe')).status).toBe(200);

    emulator.breakNext('getMe', 'hang');
    const hung = fetch(`${emulator.apiRoot}/bot${TOKEN}/getMe`, { method: 'POST', signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    expect((await api('getMe')).status).toBe(200);
    expect(emulator.callsOf('getMe').map((c) => c.status)).toEqual([0, 200, undefined, 200]);
  });
});

describe('webhook', () => {
  let hook: Server;
  let received: { headers: IncomingHttpHeaders; body: Update }[];
  let hookStatus: number;
  let hookUrl: string;

  beforeEach(async () => {
    received = [];
    hookStatus = 200;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) as Update });
        res.writeHead(hookStatus).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/telegram`;
  });

  afterEach(async () => {
    hook.closeAllConnections();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('POSTs updates as JSON with the secret header and reports like Telegram', async () => {
    expect((await api('setWebhook', { url: hookUrl, secret_token: 'S3cret_-token' })).body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect((await api('setWebhook', { url: hookUrl, secret_token: 'S3cret_-token' })).body.description).toBe('Webhook is already set');

    const delivery = await emulator.pushUpdate({ message: { from: ALICE, text: 'via hook' } });
    expect(delivery).toMatchObject({ status: 200, url: hookUrl, secretToken: 'S3cret_-token' });
    expect(received).toHaveLength(1);
    expect(received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('S3cret_-token');
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(received[0]?.body.message?.text).toBe('via hook');
    expect(received[0]?.body.update_id).toBe(delivery?.update_id);
    expect((await api('getWebhookInfo')).body.result).toEqual({
      url: hookUrl,
      has_custom_certificate: false,
      pending_update_count: 0,
      ip_address: '127.0.0.1',
      max_connections: 40,
    });
  });

  it('keeps updates the webhook refused and gives them to getUpdates after deleteWebhook', async () => {
    await api('setWebhook', { url: hookUrl });
    hookStatus = 500;
    const delivery = await emulator.pushUpdate({ message: { from: ALICE, text: 'refused' } });
    expect(delivery?.status).toBe(500);
    const info = (await api('getWebhookInfo')).body.result;
    expect(info).toMatchObject({ pending_update_count: 1, last_error_message: 'Wrong response from the webhook: 500 Internal Server Error' });
    expect(typeof info.last_error_date).toBe('number');

    expect((await api('deleteWebhook')).body).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    expect((await api('deleteWebhook')).body.description).toBe('Webhook is already deleted');
    expect((await api('getUpdates')).body.result.map((u: Update) => u.message?.text)).toEqual(['refused']);
  });

  it('refuses a secret token with characters Telegram does not allow', async () => {
    expectBadRequest(await api('setWebhook', { url: hookUrl, secret_token: 'a+b/c=' }), 'Bad Request: secret token contains unallowed characters');
    await expect(emulator.pushUpdate({ message: { from: ALICE, text: 'x' } })).rejects.toThrow(/webhook/);
  });
});

describe('with a real grammY bot polling', () => {
  const bots: Bot[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  });

  /** A bot that answers text in HTML with a button, and answers the button. */
  function echoBot(): { bot: Bot; polling: Promise<void> } {
    const bot = new Bot(TOKEN, { client: { apiRoot: emulator.apiRoot } });
    bot.command('start', (ctx) => ctx.reply('Welcome!'));
    bot.on('message:text', (ctx) =>
      ctx.reply(`<b>You said:</b> ${ctx.message.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Again', 'again'),
        reply_parameters: { message_id: ctx.message.message_id },
      }),
    );
    bot.callbackQuery('again', (ctx) => ctx.answerCallbackQuery({ text: 'Again!' }));
    bots.push(bot);
    return { bot, polling: bot.start({ allowed_updates: ['message', 'callback_query'] }) };
  }

  it('round-trips messages and button presses, each update exactly once', async () => {
    const started = Date.now();
    const { bot, polling } = echoBot();
    const firstPoll = await emulator.waitForCall('getUpdates');
    expect(emulator.getUpdatesTimes[0]).toBeGreaterThanOrEqual(started);
    expect(firstPoll.params.allowed_updates).toEqual(['message', 'callback_query']);
    expect(emulator.callsOf('getMe')).toHaveLength(1);
    expect(emulator.callsOf('deleteWebhook')).toHaveLength(1);

    emulator.sendUserMessage({ from: ALICE, text: '/start' });
    const [welcome] = await emulator.waitForBotMessages(ALICE.id, 1);
    expect(welcome?.text).toBe('Welcome!');

    const { message } = emulator.sendUserMessage({ from: ALICE, text: 'a<b & c' });
    emulator.sendUserMessage({ from: ALICE, text: 'second' });
    emulator.sendUserMessage({ from: BOB, text: 'from Bob' });
    const replies = await emulator.waitForBotMessages(ALICE.id, 3);
    expect(replies[1]).toMatchObject({
      text: 'You said: a<b & c',
      entities: [{ type: 'bold', offset: 0, length: 9 }],
      reply_to_message_id: message.message_id,
      reply_markup: { inline_keyboard: [[{ text: 'Again', callback_data: 'again' }]] },
    });
    expect(replies[2]?.text).toBe('You said: second');
    expect((await emulator.waitForBotMessages(BOB.id, 1))[0]?.text).toBe('You said: from Bob');

    const press = emulator.sendUserUpdate({ callback_query: { from: ALICE, message: replies[1]?.message, data: 'again' } });
    await emulator.waitForCall('answerCallbackQuery');
    expect(emulator.callbackAnswer(press.callback_query?.id ?? '')).toMatchObject({ text: 'Again!' });

    await bot.stop();
    await polling;
    const delivered = emulator
      .callsOf('getUpdates')
      .flatMap((c) => (c.response?.ok ? (c.response.result as Update[]) : []))
      .map((u) => u.update_id);
    expect(delivered).toHaveLength(5);
    expect(new Set(delivered).size).toBe(5);
    // bot.stop() confirmed the last update: nothing is left for the next start.
    expect(emulator.pendingUpdates).toEqual([]);
    expect(emulator.botMessages()).toHaveLength(4);
  });

  it('stops cleanly: the pending long poll is aborted and the last update confirmed', async () => {
    const { bot, polling } = echoBot();
    const { update } = emulator.sendUserMessage({ from: ALICE, text: 'one' });
    await emulator.waitForBotMessages(ALICE.id, 1);
    await emulator.waitForCall('getUpdates', (c) => c.params.offset === update.update_id + 1);
    await bot.stop();
    await polling;
    const [, aborted, last] = emulator.callsOf('getUpdates');
    expect(aborted).toMatchObject({ params: { offset: update.update_id + 1, timeout: 30 }, abortedByClient: true });
    expect(aborted?.status).toBeUndefined();
    expect(last).toMatchObject({ params: { offset: update.update_id + 1, limit: 1 }, status: 200 });
    expect(emulator.calls.filter((c) => c.status === 409)).toEqual([]);
  });

  it('makes the instance started first stop with 409 when a second one polls', async () => {
    const first = echoBot();
    const failure = first.polling.catch((error: unknown) => error);
    await emulator.waitForCall('getUpdates');
    const second = echoBot();
    const error = await failure;
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(409);
    expect(first.bot.isRunning()).toBe(false);

    emulator.sendUserMessage({ from: ALICE, text: 'still served' });
    expect((await emulator.waitForBotMessages(ALICE.id, 1))[0]?.text).toBe('You said: still served');
    await second.bot.stop();
    await second.polling;
  });

  it('survives a 429 on getUpdates by waiting retry_after, as grammY does', async () => {
    emulator.failNext('getUpdates', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const { bot, polling } = echoBot();
    emulator.sendUserMessage({ from: ALICE, text: 'after the limit' });
    const [reply] = await emulator.waitForBotMessages(ALICE.id, 1, 5000);
    expect(reply?.text).toBe('You said: after the limit');
    const [limited, next] = emulator.callsOf('getUpdates');
    expect(limited?.status).toBe(429);
    expect((next?.time ?? 0) - (limited?.answeredAt ?? 0)).toBeGreaterThanOrEqual(950);
    await bot.stop();
    await polling;
  });
});
