/**
 * A real `redis-server` (Debian package `redis-server`; `.ci/run` installs it) on a free loopback port,
 * without persistence, for the tests of shared state and `npm run bench:webhook`. It can be stopped and
 * started again on the same port (to test an outage). A missing binary is an error that says how to
 * install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Starts the server again after {@link RedisServer.stop} (on the same port, empty). */
  start(): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s); resolves once it has exited. */
  stop(): Promise<void>;
  /** A client for the test's own checks (closed by `stop`). */
  client(): Redis;
}

/**
 * `redis-server` is not on the PATH.
 * @example
 * try { await startRedis(); } catch (e) { if (e instanceof RedisServerMissingError) console.error(e.message); }
 */
export class RedisServerMissingError extends Error {
  override readonly name = 'RedisServerMissingError';
  constructor() {
    super('redis-server is not installed: run `apt-get install redis-server` (.ci/run installs it when missing)');
  }
}

/**
 * True when `redis-server` can be run.
 * @example
 * if (!hasRedisServer()) console.log('skipping the Redis runs');
 */
export function hasRedisServer(): boolean {
  return !spawnSync('redis-server', ['--version']).error;
}

/**
 * Starts a redis-server on a free 127.0.0.1 port; throws {@link RedisServerMissingError} without the binary.
 * @example
 * const redis = await startRedis();
 * spawnBot({ …, REDIS_URL: redis.url });
 * await redis.stop();
 */
export async function startRedis(): Promise<RedisServer> {
  if (!hasRedisServer()) throw new RedisServerMissingError();
  const port = await freePort();
  let child: ChildProcess | undefined;
  let clients: Redis[] = [];
  const start = async () => {
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
    proc.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}: ${output}`);
      if (await pings(port)) return;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port} within 10 s: ${output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const stop = async () => {
    for (const c of clients) c.disconnect();
    clients = [];
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    client() {
      const c = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, lazyConnect: false });
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
  };
}

/**
 * A TCP port that was free a moment ago on 127.0.0.1.
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function pings(port: number): Promise<boolean> {
  const c = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    return (await c.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}
