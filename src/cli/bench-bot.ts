/**
 * `npm run bench:bot`: the bot as a real process (`node scripts/run.mjs main`, what `npm start` runs)
 * against the Bot API emulator, next to a trivial grammY echo bot on the same emulator in the same run:
 * - a burst of 200 messages from 20 users, enqueued at once: time from the burst to the last reply, and
 *   per message (targets: the bot within 1.5× the echo bot);
 * - the bot with TYPING_DELAY_MS=0, sending "typing" before every answer (by default it sends it only
 *   when an answer is slow to compose, which none of these is), next to the same echo bot also sending
 *   "typing" first: both make two Bot API calls per message; the difference between the two echo bots
 *   is the price of the chat action, the rest is the bot's own work (answering, HTML, session, rate
 *   limit, logs);
 * - process start → first getUpdates (target: ≤ 1 s).
 * Each run starts fresh processes and a fresh emulator, and sends bursts: right after start (cold
 * code), again (warm), then `--steady` more (steady: their median, a process that has been answering
 * for a while, as a bot in service is). The bots alternate. Medians over the runs.
 * Prints a table for people, then one JSON line for machines.
 *
 * Usage: npm run bench:bot [-- --runs 5 --messages 200 --users 20 --steady 4]   (defaults shown)
 * (`--echo-bot [--typing]` is the child mode that runs the echo bot. `BENCH_NODE_ARGS="--cpu-prof"` passes
 * extra Node flags to the bot process, to profile it.)
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Bot } from 'grammy';
import { BotApiEmulator } from '../testing/bot-api-emulator.ts';
import { processCpuMs } from '../testing/process-cpu.ts';
import { BENCH_QUESTIONS, median } from '../testing/bench-questions.ts';
import { createEngine } from '../engine/index.ts';

const TOKEN = '7000000009:AABench_TokenForTheEmulatorOnly-abcdef';
const ROOT = resolve(import.meta.dirname, '..');

interface Burst {
  /** From the first message of the burst to the bot's last reply. */
  readonly ms: number;
  readonly perMessageMs: number;
  /** CPU time (user + system) per message during the burst: the bot's process, and this one (the emulator). */
  readonly botCpuMs: number;
  readonly emulatorCpuMs: number;
}

interface Measure {
  readonly startupMs: number;
  /** The first burst after start (cold code) and the second one (warm). */
  readonly cold: Burst;
  readonly warm: Burst;
  /** The median of the bursts after those two (a process that has been answering for a while). */
  readonly steady: Burst;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function runEchoBot(): Promise<void> {
  const bot = new Bot(process.env.BOT_TOKEN ?? '', { client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? '' } });
  const typing = process.argv.includes('--typing');
  bot.on('message:text', (ctx) => {
    if (typing) ctx.replyWithChatAction('typing').catch(() => {});
    return ctx.reply(ctx.msg.text);
  });
  process.once('SIGTERM', () => void bot.stop());
  await bot.start();
  process.exit(0);
}

type Kind = 'bot' | 'botTyping' | 'echo' | 'echoTyping';

async function measure(kind: Kind, messages: number, users: number, steadyBursts: number): Promise<Measure> {
  const emulator = new BotApiEmulator({ token: TOKEN, botInfo: { username: 'moscow_talks_bot' } });
  await emulator.start();
  const args = kind === 'bot' || kind === 'botTyping' ? [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), 'scripts/run.mjs', 'main'] : [process.argv[1] ?? '', '--echo-bot', ...(kind === 'echoTyping' ? ['--typing'] : [])];
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
      ...(kind === 'botTyping' ? { TYPING_DELAY_MS: '0' } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    await emulator.waitForCall('getUpdates', () => true, 15_000);
    const startupMs = emulator.getUpdatesTimes[0]! - spawnedAt;
    // Let start-up calls (the profile) finish so that they do not count in the burst.
    await new Promise((r) => setTimeout(r, 300));
    const cold = await burst(emulator, messages, users, 960_000_001, child.pid);
    const warm = await burst(emulator, messages, users, 970_000_001, child.pid);
    const later: Burst[] = [];
    for (let b = 0; b < steadyBursts; b++) later.push(await burst(emulator, messages, users, 980_000_001 + b * 1000, child.pid));
    const replies = emulator.callsOf('sendMessage').filter((c) => c.response?.ok).length;
    if (replies !== (2 + steadyBursts) * messages) throw new Error(`${kind}: ${replies} replies to ${(2 + steadyBursts) * messages} messages`);
    const mid = (pick: (b: Burst) => number) => median(later.map(pick));
    const steady: Burst = { ms: mid((b) => b.ms), perMessageMs: mid((b) => b.perMessageMs), botCpuMs: mid((b) => b.botCpuMs), emulatorCpuMs: mid((b) => b.emulatorCpuMs) };
    return { startupMs, cold, warm, steady };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.stop();
  }
}

/** Enqueues `messages` messages from `users` users at once and waits for every reply. */
async function burst(emulator: BotApiEmulator, messages: number, users: number, firstUserId: number, pid: number | undefined): Promise<Burst> {
  const chats = Array.from({ length: users }, (_, i) => firstUserId + i);
  const before = emulator.callsOf('sendMessage').length;
  const botCpu0 = processCpuMs(pid);
  const ownCpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let sent = 0; sent < messages; sent++) {
    const id = chats[sent % users]!;
    emulator.sendUserMessage({ from: { id, first_name: 'Bench' }, text: BENCH_QUESTIONS[(Math.floor(sent / users) + id) % BENCH_QUESTIONS.length]! });
  }
  for (const [i, id] of chats.entries()) await emulator.waitForBotMessages(id, Math.floor(messages / users) + (i < messages % users ? 1 : 0), 60_000);
  const last = Math.max(...emulator.callsOf('sendMessage').slice(before).filter((c) => c.response?.ok).map((c) => c.monotonic));
  const ms = last - t0;
  const own = process.cpuUsage(ownCpu0);
  return { ms, perMessageMs: ms / messages, botCpuMs: (processCpuMs(pid) - botCpu0) / messages, emulatorCpuMs: (own.user + own.system) / 1000 / messages };
}

/**
 * The engine's share: the burst's questions answered in this process as the bot answers them (each
 * chat's previous meeting as context), a first (cold) and a second (warm) time.
 */
function engineCost(messages: number, users: number): { coldPerAnswerMs: number; warmPerAnswerMs: number } {
  const engine = createEngine();
  const pass = () => {
    const context = new Map<number, string>();
    const t0 = performance.now();
    for (let sent = 0; sent < messages; sent++) {
      const chat = sent % users;
      const meetingId = context.get(chat);
      const answer = engine.answer(BENCH_QUESTIONS[(Math.floor(sent / users) + chat) % BENCH_QUESTIONS.length]!, meetingId ? { meetingId } : {});
      if (answer.meetingId) context.set(chat, answer.meetingId);
    }
    return (performance.now() - t0) / messages;
  };
  const coldPerAnswerMs = pass();
  const warmPerAnswerMs = pass();
  return { coldPerAnswerMs, warmPerAnswerMs };
}

const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const runs = option('runs', 5);
  const messages = option('messages', 200);
  const users = option('users', 20);
  const steadyBursts = option('steady', 4);
  const results: Record<Kind, Measure[]> = { bot: [], botTyping: [], echo: [], echoTyping: [] };
  for (let run = 1; run <= runs; run++) {
    for (const kind of run % 2 ? (['echo', 'bot', 'echoTyping', 'botTyping'] as const) : (['botTyping', 'echoTyping', 'bot', 'echo'] as const)) {
      const m = await measure(kind, messages, users, steadyBursts);
      results[kind].push(m);
      process.stderr.write(
        `run ${run}/${runs} ${kind.padEnd(4)}: start→getUpdates ${m.startupMs} ms, cold burst ${m.cold.ms.toFixed(0)} ms, warm burst ${m.warm.ms.toFixed(0)} ms, steady ${m.steady.ms.toFixed(0)} ms\n`,
      );
    }
  }
  const summary = (kind: Kind) => ({
    startupMs: median(results[kind].map((m) => m.startupMs)),
    coldMs: median(results[kind].map((m) => m.cold.ms)),
    warmMs: median(results[kind].map((m) => m.warm.ms)),
    coldPerMessageMs: median(results[kind].map((m) => m.cold.perMessageMs)),
    warmPerMessageMs: median(results[kind].map((m) => m.warm.perMessageMs)),
    warmBotCpuMs: median(results[kind].map((m) => m.warm.botCpuMs)),
    warmEmulatorCpuMs: median(results[kind].map((m) => m.warm.emulatorCpuMs)),
    steadyMs: median(results[kind].map((m) => m.steady.ms)),
    steadyPerMessageMs: median(results[kind].map((m) => m.steady.perMessageMs)),
    steadyBotCpuMs: median(results[kind].map((m) => m.steady.botCpuMs)),
    steadyEmulatorCpuMs: median(results[kind].map((m) => m.steady.emulatorCpuMs)),
  });
  const bot = summary('bot');
  const echo = summary('echo');
  const echoTyping = summary('echoTyping');
  const botTyping = summary('botTyping');
  const engine = engineCost(messages, users);
  const ratios = (a: ReturnType<typeof summary>, b: ReturnType<typeof summary>) => ({ cold: a.coldMs / b.coldMs, warm: a.warmMs / b.warmMs, steady: a.steadyMs / b.steadyMs });
  const ratio = ratios(bot, echo);
  const ratioTyping = ratios(botTyping, echo);
  const ratioSameCalls = ratios(botTyping, echoTyping);
  const ok = { startup: bot.startupMs <= 1000, cold: ratio.cold <= 1.5, warm: ratio.warm <= 1.5, steady: ratio.steady <= 1.5 };
  const lines = [
    `bench:bot — bursts of ${messages} messages from ${users} users through the Bot API emulator; medians of ${runs} runs`,
    `(each run: a fresh process; burst 1 right after start = cold, burst 2 = warm, then ${steadyBursts} more: steady = their median)`,
    '',
    '                              bot (npm start)   echo bot   target           bot, typing always   echo + typing',
    `start → first getUpdates       ${fmt(bot.startupMs, 0)} ms ${fmt(echo.startupMs, 0)} ms   ≤ 1000 ms ${(ok.startup ? 'ok' : 'MISSED').padEnd(6)} ${fmt(botTyping.startupMs, 0)} ms     ${fmt(echoTyping.startupMs, 0)} ms`,
    `burst 1 (cold) → last reply    ${fmt(bot.coldMs, 0)} ms ${fmt(echo.coldMs, 0)} ms                    ${fmt(botTyping.coldMs, 0)} ms     ${fmt(echoTyping.coldMs, 0)} ms`,
    `  per message                  ${fmt(bot.coldPerMessageMs, 2)} ms ${fmt(echo.coldPerMessageMs, 2)} ms                    ${fmt(botTyping.coldPerMessageMs, 2)} ms     ${fmt(echoTyping.coldPerMessageMs, 2)} ms`,
    `  ÷ echo bot                   ${fmt(ratio.cold, 2)} ×               ≤ 1.5 ×   ${(ok.cold ? 'ok' : 'MISSED').padEnd(6)} ${fmt(ratioTyping.cold, 2)} ×  (÷ echo + typing ${ratioSameCalls.cold.toFixed(2)} ×)`,
    `burst 2 (warm) → last reply    ${fmt(bot.warmMs, 0)} ms ${fmt(echo.warmMs, 0)} ms                    ${fmt(botTyping.warmMs, 0)} ms     ${fmt(echoTyping.warmMs, 0)} ms`,
    `  per message                  ${fmt(bot.warmPerMessageMs, 2)} ms ${fmt(echo.warmPerMessageMs, 2)} ms                    ${fmt(botTyping.warmPerMessageMs, 2)} ms     ${fmt(echoTyping.warmPerMessageMs, 2)} ms`,
    `  ÷ echo bot                   ${fmt(ratio.warm, 2)} ×               ≤ 1.5 ×   ${(ok.warm ? 'ok' : 'MISSED').padEnd(6)} ${fmt(ratioTyping.warm, 2)} ×  (÷ echo + typing ${ratioSameCalls.warm.toFixed(2)} ×)`,
    `bursts 3–${2 + steadyBursts} (steady)         ${fmt(bot.steadyMs, 0)} ms ${fmt(echo.steadyMs, 0)} ms                    ${fmt(botTyping.steadyMs, 0)} ms     ${fmt(echoTyping.steadyMs, 0)} ms`,
    `  per message                  ${fmt(bot.steadyPerMessageMs, 2)} ms ${fmt(echo.steadyPerMessageMs, 2)} ms                    ${fmt(botTyping.steadyPerMessageMs, 2)} ms     ${fmt(echoTyping.steadyPerMessageMs, 2)} ms`,
    `  ÷ echo bot                   ${fmt(ratio.steady, 2)} ×               ≤ 1.5 ×   ${(ok.steady ? 'ok' : 'MISSED').padEnd(6)} ${fmt(ratioTyping.steady, 2)} ×  (÷ echo + typing ${ratioSameCalls.steady.toFixed(2)} ×)`,
    `  CPU per message: bot        ${fmt(bot.steadyBotCpuMs, 2)} ms ${fmt(echo.steadyBotCpuMs, 2)} ms                    ${fmt(botTyping.steadyBotCpuMs, 2)} ms     ${fmt(echoTyping.steadyBotCpuMs, 2)} ms`,
    `                   emulator    ${fmt(bot.steadyEmulatorCpuMs, 2)} ms ${fmt(echo.steadyEmulatorCpuMs, 2)} ms                    ${fmt(botTyping.steadyEmulatorCpuMs, 2)} ms     ${fmt(echoTyping.steadyEmulatorCpuMs, 2)} ms`,
    `  (burst 2, warm) CPU: bot     ${fmt(bot.warmBotCpuMs, 2)} ms ${fmt(echo.warmBotCpuMs, 2)} ms                    ${fmt(botTyping.warmBotCpuMs, 2)} ms     ${fmt(echoTyping.warmBotCpuMs, 2)} ms`,
    `                  emulator     ${fmt(bot.warmEmulatorCpuMs, 2)} ms ${fmt(echo.warmEmulatorCpuMs, 2)} ms                    ${fmt(botTyping.warmEmulatorCpuMs, 2)} ms     ${fmt(echoTyping.warmEmulatorCpuMs, 2)} ms`,
    '',
    `of which engine.answer alone (same questions and follow-up context, in this process): ${engine.coldPerAnswerMs.toFixed(2)} ms per answer cold, ${engine.warmPerAnswerMs.toFixed(2)} ms warm`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const round = (x: number) => Math.round(x * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'bot',
      runs,
      messages,
      users,
      bot,
      echo,
      echoTyping,
      botTyping,
      steadyBursts,
      ratio: { cold: round(ratio.cold), warm: round(ratio.warm), steady: round(ratio.steady) },
      ratioTyping: { cold: round(ratioTyping.cold), warm: round(ratioTyping.warm), steady: round(ratioTyping.steady) },
      ratioSameCalls: { cold: round(ratioSameCalls.cold), warm: round(ratioSameCalls.warm), steady: round(ratioSameCalls.steady) },
      engine,
      targets: { startupMs: 1000, ratio: 1.5 },
      ok,
      raw: results,
    })}\n`,
  );
}

if (process.argv.includes('--echo-bot')) await runEchoBot();
else await main();
