/**
 * Open-loop HTTP load at a fixed rate, for `npm run bench:webhook`: request i leaves at t0 + i/rate
 * whatever happened to the others (as Telegram delivers updates as they come, up to `max_connections`
 * at once), each on a pool of keep-alive connections, and its latency counts from when it was due to
 * leave — so a server that falls behind shows it in full (no coordinated omission), and no artificial
 * bursts either (autocannon's fixed-rate mode fires its connections in step, which at 100 connections
 * sends updates in bursts of 100).
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** `http://127.0.0.1:8080/telegram` */
  readonly url: string;
  /** Requests per second. */
  readonly rate: number;
  readonly seconds: number;
  /** The body of each request, in order (e.g. a new update each time). */
  readonly body: () => string;
  readonly headers?: Record<string, string>;
  /** Connections at most (default 100, Telegram's highest `max_connections`). */
  readonly connections?: number;
  /** A request without an answer after this long is an error (default 10,000 ms). */
  readonly timeoutMs?: number;
}

/** What a load run measured. Latencies in milliseconds. */
export interface LoadResult {
  readonly sent: number;
  /** Answered 2xx. */
  readonly ok: number;
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Completed requests per second, from the first due time to the last answer. */
  readonly achieved: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** p99 of how late requests left (the load generator's own lag: it should stay small). */
  readonly sendLagP99: number;
}

/**
 * Sends `rate × seconds` POST requests, evenly spaced; resolves when all are answered (or timed out).
 * @example
 * const r = await offerLoad({ url: 'http://127.0.0.1:8080/telegram', rate: 500, seconds: 5, body: nextUpdate });
 * console.log(r.achieved, r.p99);
 */
export function offerLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, rate, seconds, body, headers = {}, connections = 100, timeoutMs = 10_000 } = options;
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  let sent = 0;
  let done = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let last = 0;
  const t0 = performance.now() + 10;

  return new Promise<LoadResult>((resolve) => {
    const finish = () => {
      agent.destroy();
      latencies.sort((a, b) => a - b);
      lags.sort((a, b) => a - b);
      const q = (values: number[], p: number) => round(values[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN);
      resolve({
        sent,
        ok,
        non2xx,
        errors,
        achieved: round(done / (Math.max(last - t0, 1) / 1000)),
        p50: q(latencies, 0.5),
        p90: q(latencies, 0.9),
        p99: q(latencies, 0.99),
        max: q(latencies, 1),
        sendLagP99: q(lags, 0.99),
      });
    };
    const settle = (due: number, status?: number) => {
      const now = performance.now();
      last = now;
      if (status === undefined) errors++;
      else {
        latencies.push(now - due);
        if (status >= 200 && status < 300) ok++;
        else non2xx++;
      }
      if (++done === total) finish();
    };
    const fire = (due: number) => {
      const payload = body();
      lags.push(performance.now() - due);
      let settled = false;
      const once = (status?: number) => {
        if (settled) return;
        settled = true;
        settle(due, status);
      };
      const req = request(
        target,
        { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => once(res.statusCode ?? 0));
          res.on('error', () => once());
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => once());
      req.end(payload);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + sent * interval <= now) fire(t0 + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    setTimeout(tick, 10);
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
