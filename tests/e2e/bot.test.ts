/**
 * End to end: the real bot process (`node scripts/run.mjs main`) against the Bot API emulator, driven
 * as Telegram users would drive it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiEmulator, type BotMessage } from '../../src/testing/bot-api-emulator.ts';
import { E2E_TOKEN, spawnBot, waitForExit, type BotProcess } from '../helpers/e2e.ts';

let emulator: BotApiEmulator;
let bot: BotProcess;
let nextUserId = 910_000_001;
const newUser = () => {
  const id = nextUserId++;
  return { id, first_name: `E2eUser${id}`, username: `e2e_user_${id}` };
};

beforeAll(async () => {
  emulator = new BotApiEmulator({ token: E2E_TOKEN, botInfo: { username: 'moscow_talks_bot' } });
  await emulator.start();
  bot = spawnBot({ BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
  await emulator.waitForCall('getUpdates', () => true, 10_000);
});

afterAll(async () => {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await emulator.stop();
});

const sources = (m: BotMessage) => /\n(المصادر|المصدر)\n1\. /.test(m.text);

describe('the bot process', () => {
  it('polls within 5 s of process start and registers its Arabic commands and descriptions', async () => {
    const firstPoll = emulator.getUpdatesTimes[0]!;
    expect(firstPoll - bot.spawnedAt).toBeLessThan(5000);
    await emulator.waitForCall('setMyShortDescription', (c) => c.params.language_code === 'ar');
    await new Promise((r) => setTimeout(r, 100));
    for (const lang of ['', 'ar']) {
      expect(emulator.myCommands(undefined, lang).map((c) => c.command)).toEqual(['start', 'meetings', 'sources', 'help', 'privacy']);
    }
    for (const method of ['setMyCommands', 'setMyDescription', 'setMyShortDescription']) {
      expect(emulator.callsOf(method).every((c) => c.response?.ok === true), method).toBe(true);
    }
  });

  it('answers a question in HTML with its sources, quoting the question, after "typing"', async () => {
    const user = newUser();
    const { message } = emulator.sendUserMessage({ from: user, text: 'متى عقد الاجتماع الثلاثي الأول؟' });
    const [reply] = await emulator.waitForBotMessages(user.id, 1);
    expect(reply!.parseMode).toBe('HTML');
    expect(reply!.reply_to_message_id).toBe(message.message_id);
    expect(reply!.text).toContain('28 كانون الأول');
    expect(sources(reply!)).toBe(true);
    expect(reply!.entities.some((e) => e.type === 'expandable_blockquote' || e.type === 'blockquote')).toBe(true);
    const typing = emulator.callsOf('sendChatAction').find((c) => Number(c.params.chat_id) === user.id);
    const send = emulator.callsOf('sendMessage').find((c) => Number(c.params.chat_id) === user.id);
    expect(typing?.params.action).toBe('typing');
    expect(typing!.monotonic).toBeLessThanOrEqual(send!.monotonic);
  });

  it('declines without sources, with suggestion buttons that answer when pressed, and follows up', async () => {
    const user = newUser();
    emulator.sendUserMessage({ from: user, text: 'ماذا قال بايدن عن الاجتماع الرباعي؟' });
    const [decline] = await emulator.waitForBotMessages(user.id, 1);
    expect(sources(decline!)).toBe(false);
    const buttons = decline!.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons.length).toBeGreaterThan(0);
    const button = buttons[0]! as { text: string; callback_data: string };
    const update = emulator.sendUserUpdate({ callback_query: { from: user, message: decline!.message, data: button.callback_data } });
    const [, answer] = await emulator.waitForBotMessages(user.id, 2);
    expect(emulator.callbackAnswer(update.callback_query!.id)).toBeDefined();
    expect(answer!.text.startsWith(`❓ ${button.text}`)).toBe(true);
    expect(sources(answer!)).toBe(true);
  });

  it('keeps the follow-up context per chat', async () => {
    const [a, b] = [newUser(), newUser()];
    emulator.sendUserMessage({ from: a, text: 'حدثني عن الاجتماع الرباعي في موسكو' });
    await emulator.waitForBotMessages(a.id, 1);
    emulator.sendUserMessage({ from: a, text: 'ومن حضره؟' });
    emulator.sendUserMessage({ from: b, text: 'ومن حضره؟' });
    const [, who] = await emulator.waitForBotMessages(a.id, 2);
    const [other] = await emulator.waitForBotMessages(b.id, 1);
    expect(sources(who!)).toBe(true);
    expect(who!.text).toContain('أكار');
    expect(sources(other!)).toBe(false);
  });

  it('answers bad input plainly: whitespace, punctuation, emoji only, 5000 characters, hostile HTML', async () => {
    const inputs = ['؟؟؟', '😀😀😀', 'س'.repeat(5000), '<b>من</b> حضر & <script>alert(1)</script> الاجتماع الرباعي؟', '&lt;&amp;', '/start meeting_<script>'];
    for (const text of inputs) {
      const user = newUser();
      emulator.sendUserMessage({ from: user, text });
      const [reply] = await emulator.waitForBotMessages(user.id, 1);
      expect(reply!.text.length, text.slice(0, 20)).toBeGreaterThan(0);
      expect(reply!.text.length).toBeLessThanOrEqual(4096);
    }
    const failed = emulator.callsOf('sendMessage').filter((c) => c.response && !c.response.ok);
    expect(failed.map((c) => c.response)).toEqual([]);
  });

  it('opens a meeting card from /meetings and from a deep link', async () => {
    const user = newUser();
    emulator.sendUserMessage({ from: user, text: '/meetings' });
    const [list] = await emulator.waitForBotMessages(user.id, 1);
    const first = list!.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string };
    emulator.sendUserUpdate({ callback_query: { from: user, message: list!.message, data: first.callback_data } });
    const [, card] = await emulator.waitForBotMessages(user.id, 2);
    expect(card!.text).toContain('📌');
    emulator.sendUserMessage({ from: user, text: '/start meeting_quad-2023-04' });
    const [, , deep] = await emulator.waitForBotMessages(user.id, 3);
    expect(deep!.text).toContain('📌');
    expect(sources(deep!)).toBe(true);
  });

  it('answers inline queries with cited articles, and the meetings for an empty query', async () => {
    const user = newUser();
    const q = emulator.sendUserUpdate({ inline_query: { from: user, query: 'من حضر الاجتماع الرباعي؟' } });
    const empty = emulator.sendUserUpdate({ inline_query: { from: user, query: '' } });
    await emulator.waitForCall('answerInlineQuery', (c) => c.params.inline_query_id === empty.inline_query!.id);
    const answer = emulator.inlineAnswer(q.inline_query!.id)!;
    expect((answer.results as unknown[]).length).toBeGreaterThan(0);
    expect((emulator.inlineAnswer(empty.inline_query!.id)!.results as unknown[]).length).toBe(7);
  });

  it('only answers commands, mentions and replies to itself in a group', async () => {
    const user = newUser();
    const group = { id: -1_009_000_000_001, type: 'supergroup' as const, title: 'E2E group' };
    emulator.sendUserMessage({ from: user, chat: group, text: 'من حضر الاجتماع الرباعي؟' });
    emulator.sendUserMessage({ from: user, chat: group, text: '@moscow_talks_bot من حضر الاجتماع الرباعي؟' });
    const [mention] = await emulator.waitForBotMessages(group.id, 1);
    expect(sources(mention!)).toBe(true);
    emulator.sendUserMessage({ from: user, chat: group, text: 'ومن هو شويغو؟', reply_to_message_id: mention!.message_id });
    emulator.sendUserMessage({ from: user, chat: group, text: '/help' });
    const all = await emulator.waitForBotMessages(group.id, 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(emulator.botMessages(group.id)).toHaveLength(3);
    expect(all[1]!.text).toContain('شويغو');
  });

  it('retries a message Telegram refuses with 429 after retry_after', async () => {
    const user = newUser();
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const started = Date.now();
    emulator.sendUserMessage({ from: user, text: 'من هو شويغو؟' });
    const [reply] = await emulator.waitForBotMessages(user.id, 1, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sources(reply!)).toBe(true);
  });

  it('answers every one of 200 messages from 20 users sent at once, exactly once', async () => {
    const users = Array.from({ length: 20 }, newUser);
    const questions = ['من حضر الاجتماع الرباعي؟', 'متى عقد الاجتماع الثلاثي الأول؟', 'من هو شويغو؟', 'ماذا قال الأسد؟', 'مرحبا'];
    const sent: { chat: number; id: number }[] = [];
    for (let i = 0; i < 10; i++) {
      for (const user of users) sent.push({ chat: user.id, id: emulator.sendUserMessage({ from: user, text: questions[(i + user.id) % questions.length]! }).message.message_id });
    }
    for (const user of users) await emulator.waitForBotMessages(user.id, 10, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    for (const user of users) {
      const replies = emulator.botMessages(user.id);
      expect(replies).toHaveLength(10);
      const quoted = replies.map((m) => m.reply_to_message_id).sort((a, b) => a! - b!);
      expect(quoted).toEqual(sent.filter((s) => s.chat === user.id).map((s) => s.id).sort((a, b) => a - b));
    }
  }, 60_000);

  it('logs no user id, name, username, message text or token', () => {
    const out = bot.output();
    expect(out).toMatch(/"update":"message:text".*"answered":true.*"matched":\[.*"msg":"update handled"/);
    for (const secret of [E2E_TOKEN, E2E_TOKEN.split(':')[1]!, 'E2eUser', 'e2e_user_', '910000001', 'متى عقد الاجتماع', 'بايدن']) {
      expect(out, secret).not.toContain(secret);
    }
  });

  it('stops on SIGTERM with exit code 0 within 5 s', async () => {
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, at, timedOut } = await waitForExit(bot, 6000);
    expect(timedOut).toBe(false);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5000);
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});

describe('refusals at start', () => {
  it('exits non-zero with one clear line on 401 (a token the server does not know), never printing it', async () => {
    const other = new BotApiEmulator({ token: E2E_TOKEN });
    await other.start();
    try {
      const wrong = '7000000002:AAWrongTokenWrongTokenWrongToken-123';
      const p = spawnBot({ BOT_TOKEN: wrong, TELEGRAM_API_ROOT: other.apiRoot });
      const { code, timedOut } = await waitForExit(p, 10_000);
      expect(timedOut).toBe(false);
      expect(code).not.toBe(0);
      const lines = p.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('401');
      expect(lines[0]).toContain('BOT_TOKEN');
      expect(p.output()).not.toContain(wrong.split(':')[1]!);
      expect(other.callsOf('getUpdates')).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('exits non-zero with one clear line on 409 (another instance polling)', async () => {
    const server = new BotApiEmulator({ token: E2E_TOKEN });
    await server.start();
    try {
      const first = spawnBot({ BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: server.apiRoot });
      await server.waitForCall('getUpdates', () => true, 10_000);
      const second = spawnBot({ BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: server.apiRoot });
      // The emulator terminates the earlier poll with 409: the first instance is the one that quits.
      const { code, timedOut } = await waitForExit(first, 10_000);
      expect(timedOut).toBe(false);
      expect(code).not.toBe(0);
      expect(first.output()).toMatch(/"code":409.*409 Conflict/);
      second.child.kill('SIGTERM');
      expect((await waitForExit(second, 6000)).code).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('exits 1 with one line naming the variable for an invalid configuration, serving nothing', async () => {
    const p = spawnBot({ BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: 'not a url' });
    const { code } = await waitForExit(p, 10_000);
    expect(code).toBe(1);
    expect(p.output().trim().split('\n')).toEqual([expect.stringContaining('TELEGRAM_API_ROOT')]);
    expect(p.output()).not.toContain(E2E_TOKEN.split(':')[1]!);
  });
});
