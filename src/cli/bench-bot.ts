/**
 * `npm run bench:bot`: the bot as a real process (`node scripts/run.mjs main`, what `npm start` runs)
 * against the Bot API emulator, next to a trivial grammY echo bot on the same emulator in the same run:
 * - a burst of 200 messages from 20 users, enqueued at once: time from the burst to the last reply, and
 *   per message (targets: the bot within 1.5× the echo bot);
 * - process start → first getUpdates (target: ≤ 1 s).
 * Each run starts fresh processes and a fresh emulator; the two bots alternate. Medians over the runs.
 * Prints a table for people, then one JSON line for machines.
 *
 * Usage: npm run bench:bot [-- --runs 5 --messages 200 --users 20]
 * (`--echo-bot` is the child mode that runs the echo bot.)
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Bot } from 'grammy';
import { BotApiEmulator } from '../../tests/support/bot-api-emulator.ts';

const TOKEN = '7000000009:AABench_TokenForTheEmulatorOnly-abcdef';
const ROOT = resolve(import.meta.dirname, '..');
const QUESTIONS = [
  'من حضر الاجتماع الرباعي؟',
  'متى عقد الاجتماع الثلاثي الأول؟',
  'من هو شويغو؟',
  'ماذا قال الأسد؟',
  'ماذا قالت سانا عن الاجتماع الرباعي؟',
  'مرحبا',
  'حدثني عن اجتماع نواب وزراء الخارجية في موسكو',
  'كم استغرقت مباحثات موسكو التركية الروسية؟',
];

interface Measure {
  readonly startupMs: number;
  readonly burstMs: number;
  readonly perMessageMs: number;
  readonly replies: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function runEchoBot(): Promise<void> {
  const bot = new Bot(process.env.BOT_TOKEN ?? '', { client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? '' } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.msg.text));
  process.once('SIGTERM', () => void bot.stop());
  await bot.start();
  process.exit(0);
}

async function measure(kind: 'bot' | 'echo', messages: number, users: number): Promise<Measure> {
  const emulator = new BotApiEmulator({ token: TOKEN, botInfo: { username: 'moscow_talks_bot' } });
  await emulator.start();
  const args = kind === 'bot' ? ['scripts/run.mjs', 'main'] : [process.argv[1] ?? '', '--echo-bot'];
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      LOG_LEVEL: 'info',
      RATE_LIMIT_MESSAGES: '20',
      RATE_LIMIT_WINDOW_SECONDS: '10',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    await emulator.waitForCall('getUpdates', () => true, 15_000);
    const startupMs = emulator.getUpdatesTimes[0]! - spawnedAt;
    // Let start-up calls (the profile) finish so that they do not count in the burst.
    await new Promise((r) => setTimeout(r, 300));
    const chats: number[] = Array.from({ length: users }, (_, i) => 960_000_001 + i);
    const perUser = Math.ceil(messages / users);
    const t0 = performance.now();
    let sent = 0;
    for (let round = 0; round < perUser && sent < messages; round++) {
      for (const id of chats) {
        if (sent === messages) break;
        emulator.sendUserMessage({ from: { id, first_name: 'Bench' }, text: QUESTIONS[(round + id) % QUESTIONS.length]! });
        sent++;
      }
    }
    const expected = new Map(chats.map((id, i) => [id, Math.floor(messages / users) + (i < messages % users ? 1 : 0)]));
    for (const [id, count] of expected) await emulator.waitForBotMessages(id, count, 60_000);
    const replies = emulator.callsOf('sendMessage').filter((c) => c.response?.ok);
    const last = Math.max(...replies.map((c) => c.monotonic));
    const burstMs = last - t0;
    return { startupMs, burstMs, perMessageMs: burstMs / messages, replies: replies.length };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.stop();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const runs = option('runs', 3);
  const messages = option('messages', 200);
  const users = option('users', 20);
  const results: Record<'bot' | 'echo', Measure[]> = { bot: [], echo: [] };
  for (let run = 1; run <= runs; run++) {
    for (const kind of run % 2 ? (['echo', 'bot'] as const) : (['bot', 'echo'] as const)) {
      const m = await measure(kind, messages, users);
      if (m.replies !== messages) throw new Error(`${kind}: ${m.replies} replies to ${messages} messages`);
      results[kind].push(m);
      process.stderr.write(`run ${run}/${runs} ${kind.padEnd(4)}: start→getUpdates ${m.startupMs} ms, burst ${m.burstMs.toFixed(0)} ms\n`);
    }
  }
  const summary = (kind: 'bot' | 'echo') => ({
    startupMs: median(results[kind].map((m) => m.startupMs)),
    burstMs: median(results[kind].map((m) => m.burstMs)),
    perMessageMs: median(results[kind].map((m) => m.perMessageMs)),
  });
  const bot = summary('bot');
  const echo = summary('echo');
  const ratio = bot.burstMs / echo.burstMs;
  const lines = [
    `bench:bot — ${messages} messages from ${users} users, burst through the Bot API emulator; medians of ${runs} runs`,
    '',
    '                         bot (npm start)   echo bot   target',
    `start → first getUpdates ${fmt(bot.startupMs, 0)} ms  ${fmt(echo.startupMs, 0)} ms   ≤ 1000 ms (bot)`,
    `burst → last reply       ${fmt(bot.burstMs, 0)} ms  ${fmt(echo.burstMs, 0)} ms`,
    `per message              ${fmt(bot.perMessageMs, 2)} ms  ${fmt(echo.perMessageMs, 2)} ms`,
    `bot / echo               ${fmt(ratio, 2)} ×                ≤ 1.5 ×`,
    '',
    `start-up ${bot.startupMs <= 1000 ? 'within' : 'OVER'} target; burst ${ratio <= 1.5 ? 'within' : 'OVER'} target`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'bot',
      runs,
      messages,
      users,
      bot,
      echo,
      ratio: Math.round(ratio * 100) / 100,
      targets: { startupMs: 1000, ratio: 1.5 },
      ok: { startup: bot.startupMs <= 1000, ratio: ratio <= 1.5 },
      raw: results,
    })}\n`,
  );
}

if (process.argv.includes('--echo-bot')) await runEchoBot();
else await main();
