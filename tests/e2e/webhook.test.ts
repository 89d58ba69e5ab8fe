/**
 * End to end, production shape: a real redis-server and two bot processes in webhook mode
 * (`node scripts/run.mjs main`, BOT_MODE=webhook) sharing it, replies going to the Bot API emulator.
 * Updates are made by the emulator (so that its chats exist) and posted to either instance, as a load
 * balancer would.
 */
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_UPDATES } from '../../src/bot/index.ts';
import { BotApiEmulator, type BotMessage, type UpdateInput } from '../../src/testing/bot-api-emulator.ts';
import { E2E_TOKEN, spawnBot, waitForExit, type BotProcess } from '../helpers/e2e.ts';
import { freePort, startRedis, type RedisServer } from '../../src/testing/redis-server.ts';

const SECRET = 'e2e_webhook_secret-0123456789abcdefghijklmnop';
const WARNING = 'Redis is unavailable';

interface Instance {
  readonly name: string;
  readonly port: number;
  readonly bot: BotProcess;
}

let redis: RedisServer;
let emulator: BotApiEmulator;
let a: Instance;
let b: Instance;
let nextUserId = 920_000_001;
const newUser = () => {
  const id = nextUserId++;
  return { id, first_name: `HookUser${id}`, username: `hook_user_${id}` };
};
const sources = (m: BotMessage) => /\n(المصادر|المصدر)\n1\. /.test(m.text);

async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function health(instance: Instance): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${instance.port}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

async function startInstance(name: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const bot = spawnBot({
    BOT_TOKEN: E2E_TOKEN,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    BOT_MODE: 'webhook',
    PORT: String(port),
    WEBHOOK_SECRET: SECRET,
    REDIS_URL: redis.url,
    RATE_LIMIT_MESSAGES: '5',
    ...env,
  });
  const instance = { name, port, bot };
  await until(async () => ((await health(instance))?.status === 200 ? true : undefined), `${name} to be ready (output: ${bot.output()})`, 20_000);
  return instance;
}

/** POSTs a body to an instance's webhook; resolves with the HTTP status. */
async function post(instance: Instance, body: string | object, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${instance.port}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** An update the emulator knows (its chat exists, so replies are accepted), not delivered anywhere. */
const update = (input: UpdateInput): Update => emulator.sendUserUpdate(input);
const question = (from: ReturnType<typeof newUser>, text: string): Update => update({ message: { from, text } });

/** A Bot API call to the emulator, as Telegram's own side (setting or removing the webhook). */
async function callApi(method: string, params: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emulator.apiRoot}/bot${E2E_TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

const count = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  redis = await startRedis();
  emulator = new BotApiEmulator({ token: E2E_TOKEN, botInfo: { username: 'moscow_talks_bot' } });
  await emulator.start();
  // One after the other: the first start builds dist/main.js, the second reuses it.
  a = await startInstance('A');
  b = await startInstance('B');
}, 60_000);

afterAll(async () => {
  for (const instance of [a, b]) {
    if (instance && instance.bot.child.exitCode === null && instance.bot.child.signalCode === null) instance.bot.child.kill('SIGKILL');
  }
  await emulator?.stop();
  await redis?.stop();
});

describe('webhook mode, two instances on one Redis', () => {
  it('answers /healthz with ok, the knowledge version, the uptime and Redis up', async () => {
    for (const instance of [a, b]) {
      const h = await health(instance);
      expect(h?.status).toBe(200);
      expect(h?.body).toMatchObject({ ok: true, knowledge: expect.stringMatching(/^[0-9a-f]{6,}$/), uptime: expect.any(Number), redis: 'up' });
    }
  });

  it('registers the webhook with its secret and update types when WEBHOOK_URL is set, and answers what Telegram delivers', async () => {
    const c = await startInstance('C', { WEBHOOK_URL: 'http://127.0.0.1:1/telegram' });
    try {
      const call = await emulator.waitForCall('setWebhook');
      expect(call.params).toMatchObject({ url: 'http://127.0.0.1:1/telegram', secret_token: SECRET, allowed_updates: [...ALLOWED_UPDATES] });
      expect(call.response?.ok).toBe(true);
    } finally {
      c.bot.child.kill('SIGTERM');
      await waitForExit(c.bot, 10_000);
    }
    // Telegram's side: deliveries carry the secret and get 200.
    await callApi('setWebhook', { url: `http://127.0.0.1:${a.port}/telegram`, secret_token: SECRET });
    const user = newUser();
    const delivery = await emulator.pushUpdate({ message: { from: user, text: 'من هو شويغو؟' } });
    expect(delivery).toMatchObject({ status: 200, secretToken: SECRET });
    const [reply] = await emulator.waitForBotMessages(user.id, 1);
    expect(sources(reply!)).toBe(true);
    await callApi('deleteWebhook', {});
  });

  it('refuses a wrong or missing secret (401, nothing handled), bodies that are not updates (400) and over 1 MiB (413)', async () => {
    const user = newUser();
    const u = question(user, 'من حضر الاجتماع الرباعي؟');
    expect(await post(a, u, {})).toBe(401);
    expect(await post(a, u, { 'x-telegram-bot-api-secret-token': `${SECRET.slice(0, -1)}x` })).toBe(401);
    expect(await post(a, u, { 'x-telegram-bot-api-secret-token': SECRET.slice(0, 10) })).toBe(401);
    expect(await post(a, 'not json')).toBe(400);
    expect(await post(a, '{"update_id":')).toBe(400);
    expect(await post(a, { ok: true })).toBe(400);
    expect(await post(a, { update_id: -1, message: {} })).toBe(400);
    expect(await post(a, [u])).toBe(400);
    expect(await post(a, { ...u, padding: 'x'.repeat(1024 * 1024) })).toBe(413);
    const get = await fetch(`http://127.0.0.1:${a.port}/telegram`);
    expect(get.status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${a.port}/elsewhere`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    expect(emulator.botMessages(user.id)).toHaveLength(0);
    // The refused update was not remembered: with the secret, it is answered.
    expect(await post(a, u)).toBe(200);
    expect(emulator.botMessages(user.id)).toHaveLength(1);
  });

  it('answers a question sent to A and its follow-up sent to B as one conversation', async () => {
    const user = newUser();
    expect(await post(a, question(user, 'حدثني عن الاجتماع الرباعي في موسكو'))).toBe(200);
    expect(await post(b, question(user, 'ومن حضره؟'))).toBe(200);
    const [, who] = await emulator.waitForBotMessages(user.id, 2);
    expect(sources(who!)).toBe(true);
    expect(who!.text).toContain('أكار');
  });

  it('answers the same update posted to both instances once', async () => {
    const user = newUser();
    const u = question(user, 'متى عقد الاجتماع الثلاثي الأول؟');
    const statuses = await Promise.all([post(a, u), post(b, u)]);
    expect(statuses).toContain(200);
    for (const s of statuses) expect([200, 503]).toContain(s);
    // Telegram delivering it again later, to either: 200, and nothing more is sent.
    expect(await post(b, u)).toBe(200);
    expect(await post(a, u)).toBe(200);
    await emulator.waitForBotMessages(user.id, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(emulator.botMessages(user.id)).toHaveLength(1);
  });

  it('shares the rate limit: 5 messages per window per user, wherever they arrive', async () => {
    const user = newUser();
    for (let i = 0; i < 7; i++) expect(await post(i % 2 ? b : a, question(user, 'من هو شويغو؟'))).toBe(200);
    const replies = emulator.botMessages(user.id);
    expect(replies.filter(sources)).toHaveLength(5);
    expect(replies).toHaveLength(6); // and one notice
  });

  it('keeps no chat id, user id, name or message text in Redis keys or values (declined questions: text only)', async () => {
    const user = newUser();
    expect(await post(a, question(user, 'ماذا قال بايدن عن الاجتماع الرباعي؟'))).toBe(200);
    const client = redis.client();
    const keys = await client.keys('*');
    expect(keys.some((k) => k.startsWith('mtb:session:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('mtb:rate:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('mtb:update:'))).toBe(true);
    const dump: string[] = [...keys];
    for (const key of keys) {
      const type = await client.type(key);
      if (type === 'string') dump.push((await client.get(key)) ?? '');
      else if (type === 'list') dump.push(...(await client.lrange(key, 0, -1)));
      else dump.push(`unexpected type ${type}`);
    }
    const all = dump.join('\n');
    for (const secret of [String(user.id), '92000000', 'HookUser', 'hook_user_', E2E_TOKEN, SECRET, 'من حضر الاجتماع', 'حدثني عن']) {
      expect(all, secret).not.toContain(secret);
    }
    const declined = (await client.lrange('mtb:unanswered', 0, -1)).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(declined[0]).toMatchObject({ question: 'ماذا قال بايدن عن الاجتماع الرباعي?', reason: 'foreign' });
    expect(Object.keys(declined[0]!).sort()).toEqual(['at', 'question', 'reason', 'suggestions']);
  });

  it('keeps answering when Redis goes away (one warning per instance, no crash), and shares state again when it is back', async () => {
    await redis.stop();
    const users = [newUser(), newUser()];
    for (const [i, instance] of [a, b].entries()) {
      for (let n = 0; n < 3; n++) expect(await post(instance, question(users[i]!, 'من هو شويغو؟'))).toBe(200);
      expect(emulator.botMessages(users[i]!.id).filter(sources)).toHaveLength(3);
      const h = await health(instance);
      expect(h).toMatchObject({ status: 200, body: { ok: true, redis: 'down' } });
      await until(() => (instance.bot.output().includes(WARNING) ? true : undefined), `${instance.name}'s warning`);
      expect(count(instance.bot.output(), WARNING)).toBe(1);
      expect(instance.bot.child.exitCode).toBeNull();
    }
    // A conversation on one instance goes on meanwhile.
    const local = newUser();
    expect(await post(a, question(local, 'حدثني عن الاجتماع الرباعي في موسكو'))).toBe(200);
    expect(await post(a, question(local, 'ومن حضره؟'))).toBe(200);
    expect(emulator.botMessages(local.id)[1]!.text).toContain('أكار');

    await redis.start();
    for (const instance of [a, b]) {
      await until(async () => ((await health(instance))?.body.redis === 'up' ? true : undefined), `${instance.name} to reconnect`);
      await until(() => (instance.bot.output().includes('Redis is back') ? true : undefined), `${instance.name}'s recovery line`);
    }
    const user = newUser();
    expect(await post(a, question(user, 'حدثني عن الاجتماع الرباعي في موسكو'))).toBe(200);
    expect(await post(b, question(user, 'ومن حضره؟'))).toBe(200);
    const [, who] = await emulator.waitForBotMessages(user.id, 2);
    expect(who!.text).toContain('أكار');
    for (const instance of [a, b]) expect(count(instance.bot.output(), WARNING)).toBe(1);
  }, 40_000);

  it('logs each update with its id, kind, time and match, and no user id, name, username, chat id, text, token or secret', () => {
    for (const instance of [a, b]) {
      const out = instance.bot.output();
      const handled = out
        .split('\n')
        .filter((l) => l.includes('"msg":"update handled"'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(handled.length).toBeGreaterThan(3);
      expect(handled.some((l) => l.answered === true && Array.isArray(l.matched) && (l.matched as string[]).length > 0)).toBe(true);
      for (const l of handled) expect(l).toMatchObject({ update_id: expect.any(Number), update: expect.any(String), ms: expect.any(Number) });
      for (const secret of [E2E_TOKEN, E2E_TOKEN.split(':')[1]!, SECRET, 'HookUser', 'hook_user_', '92000000', 'من حضر الاجتماع', 'بايدن', 'حدثني عن']) {
        expect(out, `${instance.name}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it('on SIGTERM stops taking requests, finishes the one in flight, and exits 0 within 10 s', async () => {
    const user = newUser();
    // The reply is refused once with retry_after 2: the update is in flight for about 2 s.
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    const inFlight = post(b, question(user, 'من هو شويغو؟'));
    await emulator.waitForCall('sendMessage', (c) => Number(c.params.chat_id) === user.id);
    const signalledAt = Date.now();
    b.bot.child.kill('SIGTERM');
    await until(async () => ((await health(b))?.status === 200 ? undefined : true), 'B to stop taking requests', 5000);
    expect(await inFlight).toBe(200);
    const [reply] = await emulator.waitForBotMessages(user.id, 1);
    expect(sources(reply!)).toBe(true);
    const { code, at, timedOut } = await waitForExit(b.bot, 12_000);
    expect(timedOut).toBe(false);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(b.bot.output()).toContain('"msg":"stopped"');
    // A still serves.
    const other = newUser();
    expect(await post(a, question(other, 'من هو شويغو؟'))).toBe(200);
  }, 30_000);
});
