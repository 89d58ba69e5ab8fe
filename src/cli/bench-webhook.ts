/**
 * `npm run bench:webhook`: the bot as a real process in webhook mode (`node scripts/run.mjs main` with
 * BOT_MODE=webhook, what `npm start` runs), its replies going to the Bot API emulator on loopback, fed
 * with updates at fixed, increasing rates (open loop, evenly spaced, up to 100 connections: see
 * testing/http-load.ts) — without Redis, then with Redis (a redis-server on loopback). Latency is that
 * of the webhook's HTTP answer, which the bot gives once the reply has been sent to the emulator: the
 * time from Telegram's POST to the user's answer, counted from when the update was due to be sent.
 *
 * A rate is sustained when the bot keeps up with it: at least 95% of it achieved, every update
 * answered 2xx, no connection error or timeout, no reply refused by the emulator. Each run starts a
 * fresh emulator, Redis and bot, warms it up, then climbs the rates until one is not sustained. Medians
 * over the runs. Targets on a 2-core machine: ≥ 1,000 updates/s with p99 ≤ 50 ms without Redis;
 * ≥ 500 updates/s with Redis. Prints a table for people, then one JSON line for machines.
 *
 * Usage: npm run bench:webhook [-- --runs 3 --duration 5 --rates 250,500,650,800,1000,1250 --connections 100 --only memory|redis]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { BotApiEmulator } from '../testing/bot-api-emulator.ts';
import { processCpuMs } from '../testing/process-cpu.ts';
import { BENCH_QUESTIONS, median } from '../testing/bench-questions.ts';
import { offerLoad, type LoadResult } from '../testing/http-load.ts';
import { freePort, hasRedisServer, startRedis, type RedisServer } from '../testing/redis-server.ts';

const TOKEN = '7000000010:AABench_WebhookTokenForTheEmulatorOnly-x';
const SECRET = 'bench_webhook_secret-0123456789abcdefghijkl';
const ROOT = resolve(import.meta.dirname, '..');
const FIRST_USER = 980_000_001;
const USERS = 5000;
const TARGETS = { memory: { rate: 1000, p99Ms: 50 }, redis: { rate: 500 } } as const;

type Mode = 'memory' | 'redis';

interface Step {
  readonly rate: number;
  readonly achieved: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly refusedReplies: number;
  readonly sustained: boolean;
  /** The bot process's CPU time (user + system) per update offered, in ms (Linux; NaN elsewhere). */
  readonly cpuMsPerUpdate: number;
}

interface Options {
  readonly runs: number;
  readonly duration: number;
  readonly rates: readonly number[];
  readonly connections: number;
  readonly modes: readonly Mode[];
}

function options(): Options {
  const value = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const positive = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const rates = (value('rates') ?? '250,500,650,800,1000,1250').split(',').map(Number);
  if (rates.some((r) => !Number.isInteger(r) || r < 1)) throw new Error('--rates must be a comma-separated list of positive integers');
  const only = value('only');
  if (only !== undefined && only !== 'memory' && only !== 'redis') throw new Error('--only must be memory or redis');
  return {
    runs: positive('runs', 3),
    duration: positive('duration', 5),
    rates: [...rates].sort((a, b) => a - b),
    connections: positive('connections', 100),
    modes: only ? [only] : ['memory', 'redis'],
  };
}

let nextUpdateId = 1;
let nextMessageId = 1;

/** A text message update from one of the emulator's users, as Telegram posts it. */
function updateBody(): string {
  const n = nextUpdateId++;
  const id = FIRST_USER + (n % USERS);
  const person = { id, first_name: 'Bench' };
  return JSON.stringify({
    update_id: n,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { ...person, type: 'private' },
      from: { ...person, is_bot: false },
      text: BENCH_QUESTIONS[(n * 7 + Math.floor(n / USERS)) % BENCH_QUESTIONS.length],
    },
  });
}

/** Posts updates at `rate` per second for `seconds`. */
function load(port: number, rate: number, seconds: number, connections: number): Promise<LoadResult> {
  return offerLoad({ url: `http://127.0.0.1:${port}/telegram`, rate, seconds, connections, body: updateBody, headers: { 'x-telegram-bot-api-secret-token': SECRET } });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the bot was not ready within 30 s');
}

/** One run: a fresh emulator, Redis (for `redis`) and bot; warm-up; the rates in order until one is not sustained. */
async function run(mode: Mode, o: Options): Promise<Step[]> {
  const emulator = new BotApiEmulator({ token: TOKEN, botInfo: { username: 'moscow_talks_bot' } });
  await emulator.start();
  for (let i = 0; i < USERS; i++) emulator.sendUserMessage({ from: { id: FIRST_USER + i, first_name: 'Bench' }, text: '/start' });
  let redis: RedisServer | undefined;
  if (mode === 'redis') redis = await startRedis();
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), 'bench-webhook-'));
  const child = spawn(process.execPath, ['scripts/run.mjs', 'main'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      BOT_MODE: 'webhook',
      PORT: String(port),
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: 'info',
      RATE_LIMIT_MESSAGES: '20',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      UNANSWERED_LOG: join(logDir, 'unanswered.jsonl'),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await waitForHealth(port, child);
    // Warm-up (JIT, connections, Redis scripts), then a pause for the garbage collector.
    await load(port, 200, 5, o.connections);
    await new Promise((r) => setTimeout(r, 1000));
    const steps: Step[] = [];
    for (const rate of o.rates) {
      const before = emulator.calls.length;
      const cpuBefore = processCpuMs(child.pid);
      const result = await load(port, rate, o.duration, o.connections);
      await new Promise((r) => setTimeout(r, 200));
      const cpuMsPerUpdate = Math.round(((processCpuMs(child.pid) - cpuBefore) / (rate * o.duration)) * 1000) / 1000;
      const refusedReplies = emulator.calls.slice(before).filter((c) => c.method === 'sendMessage' && c.response && !c.response.ok).length;
      const sustained = result.achieved >= 0.95 * rate && result.non2xx === 0 && result.errors === 0 && refusedReplies === 0;
      steps.push({ rate, achieved: Math.round(result.achieved), p50: result.p50, p99: result.p99, non2xx: result.non2xx, errors: result.errors, refusedReplies, sustained, cpuMsPerUpdate });
      if (!sustained) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return steps;
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 11_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.stop();
    await redis?.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}


interface Summary {
  readonly mode: Mode;
  /** Per rate, medians over the runs that reached it (`runs`: how many did, `sustained`: in how many it was). */
  readonly rates: { rate: number; runs: number; sustained: number; achieved: number; p50: number; p99: number; non2xx: number; cpuMsPerUpdate: number }[];
  /** Median over runs of the highest sustained rate. */
  readonly sustainedUpdatesPerSecond: number;
  /** Median over runs of the highest sustained rate whose p99 is ≤ 50 ms. */
  readonly sustainedWithP99Under50ms: number;
}

/** Rounded to 1/`per` (medians of two runs are means: no float noise in the table). */
const round = (x: number, per: number) => Math.round(x * per) / per;

function summarize(mode: Mode, runs: readonly Step[][], rates: readonly number[]): Summary {
  const best = (steps: readonly Step[], ok: (s: Step) => boolean) => Math.max(0, ...steps.filter((s) => s.sustained && ok(s)).map((s) => s.rate));
  return {
    mode,
    rates: rates
      .map((rate) => {
        const at = runs.map((steps) => steps.find((s) => s.rate === rate)).filter((s): s is Step => s !== undefined);
        return {
          rate,
          runs: at.length,
          sustained: at.filter((s) => s.sustained).length,
          achieved: Math.round(median(at.map((s) => s.achieved))),
          p50: round(median(at.map((s) => s.p50)), 10),
          p99: round(median(at.map((s) => s.p99)), 10),
          non2xx: median(at.map((s) => s.non2xx + s.errors)),
          cpuMsPerUpdate: round(median(at.map((s) => s.cpuMsPerUpdate)), 1000),
        };
      })
      .filter((r) => r.runs > 0),
    sustainedUpdatesPerSecond: median(runs.map((steps) => best(steps, () => true))),
    sustainedWithP99Under50ms: median(runs.map((steps) => best(steps, (s) => s.p99 <= 50))),
  };
}

const o = options();
const summaries: Summary[] = [];
for (const mode of o.modes) {
  if (mode === 'redis' && !hasRedisServer()) {
    process.stderr.write('bench:webhook: redis-server is not installed (apt-get install redis-server): skipping the runs with Redis\n');
    continue;
  }
  const runs: Step[][] = [];
  for (let i = 0; i < o.runs; i++) {
    process.stderr.write(`bench:webhook: ${mode}, run ${i + 1}/${o.runs}…\n`);
    runs.push(await run(mode, o));
  }
  summaries.push(summarize(mode, runs, o.rates));
}

const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`Webhook throughput and latency (medians of ${o.runs} runs, ${o.duration} s per rate, ${o.connections} connections)`);
for (const s of summaries) {
  console.log(`\n${s.mode === 'redis' ? 'with Redis' : 'without Redis (memory)'}`);
  console.log(`${pad('rate/s', 8)} ${pad('achieved/s', 11)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('non-2xx', 8)} ${pad('sustained', 10)} ${pad('bot CPU ms/update', 18)}`);
  for (const r of s.rates) console.log(`${pad(r.rate, 8)} ${pad(r.achieved, 11)} ${pad(r.p50, 8)} ${pad(r.p99, 8)} ${pad(r.non2xx, 8)} ${pad(`${r.sustained}/${r.runs}`, 10)} ${pad(r.cpuMsPerUpdate, 18)}`);
  console.log(`sustained: ${s.sustainedUpdatesPerSecond} updates/s; with p99 ≤ 50 ms: ${s.sustainedWithP99Under50ms} updates/s`);
}
const memory = summaries.find((s) => s.mode === 'memory');
const withRedis = summaries.find((s) => s.mode === 'redis');
const targets = {
  ...(memory ? { memory: { target: '≥ 1000 updates/s with p99 ≤ 50 ms', met: memory.sustainedWithP99Under50ms >= TARGETS.memory.rate } } : {}),
  ...(withRedis ? { redis: { target: '≥ 500 updates/s', met: withRedis.sustainedUpdatesPerSecond >= TARGETS.redis.rate } } : {}),
};
console.log(`\ntargets: ${Object.entries(targets).map(([k, t]) => `${k} ${t.target}: ${t.met ? 'met' : 'NOT met'}`).join('; ')}`);
console.log(JSON.stringify({ runs: o.runs, durationSeconds: o.duration, connections: o.connections, summaries, targets }));
