/**
 * The HTTP server of webhook mode (`node:http`):
 * - `POST /telegram`: one update from Telegram. In this order: a missing or wrong
 *   `X-Telegram-Bot-Api-Secret-Token` gets 401 (compared in constant time; the body is not read);
 *   503 until the bot is ready or once it is stopping; a body over 1 MiB gets 413; a body that is not
 *   JSON, or not an update, gets 400; then the update gate: an update handled already gets 200 and is
 *   dropped, one being handled right now gets 503 (Telegram tries again later); a new one is handled.
 * - `GET /healthz`: 200 `{ok, knowledge, uptime}` once the knowledge base is loaded and the bot is
 *   ready, 503 before (and while stopping), for a load balancer's health check.
 *
 * When to answer Telegram: after the update is handled (the reply sent), or after `responseTimeoutMs`
 * (8 s, below grammY's 10 s webhook timeout and far below Telegram's), whichever comes first; the
 * handling goes on after a timeout. This is grammY's `webhookCallback` with `onTimeout: 'return'`,
 * written out because the server needs what webhookCallback hides: when the handling really ends (to
 * mark the update done, and to wait for it on SIGTERM) and its own status codes before grammY sees the
 * update. Answering only after the handling means that if an instance dies mid-update, Telegram has
 * no 200 and delivers the update again: the claim in the update gate lapses after 60 s and another
 * instance answers it. Answering 200 first would lose such updates. A middleware error is logged, the
 * user gets the apology, and Telegram gets 200: sending it again could answer twice.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.ts';
import type { UpdateGate } from './update-gate.ts';

/** The path Telegram posts updates to. */
export const WEBHOOK_PATH = '/telegram';
/** Bodies over this many bytes get 413 (Telegram's updates are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Handles one update; resolves when it is handled. */
export type UpdateHandler = (update: Update) => Promise<void>;

export interface WebhookServerOptions {
  /** The `X-Telegram-Bot-Api-Secret-Token` every update must carry. */
  readonly secret: string;
  readonly gate: UpdateGate;
  readonly logger: Logger;
  /** Answer 200 after this long even if the update is still being handled (default 8,000 ms). */
  readonly responseTimeoutMs?: number;
  /** Extra fields for /healthz (e.g. `{ redis: 'up' }`). */
  readonly health?: () => Record<string, unknown>;
}

/**
 * @example
 * const server = createWebhookServer({ secret, gate, logger });
 * await server.listen(8080, '127.0.0.1');
 * server.ready((update) => bot.handleUpdate(update), { knowledge: engine.version });
 */
export interface WebhookServer {
  readonly server: Server;
  /** Starts listening; resolves with the address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** From now on, updates are handled by `handler` and /healthz answers 200. */
  ready(handler: UpdateHandler, info: { readonly knowledge: string }): void;
  /**
   * Stops taking requests (new ones get 503, new connections are refused), then waits until the
   * requests in flight are answered and the updates in progress handled, or until `deadline`
   * (`Date.now()` time). Resolves with the number of updates still in progress at the end.
   */
  close(deadline: number): Promise<number>;
  /** Updates being handled right now (some may have been answered already, after a timeout). */
  readonly inProgress: number;
}

/**
 * Creates the server (not listening yet).
 * @example
 * const server = createWebhookServer({ secret: config.webhookSecret, gate, logger });
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { gate, logger, responseTimeoutMs = 8000 } = options;
  const secretDigest = digest(options.secret);
  const started = Date.now();
  let handler: UpdateHandler | undefined;
  let knowledge: string | undefined;
  let stopping = false;
  let openRequests = 0;
  const handling = new Set<Promise<void>>();

  const send = (res: ServerResponse, status: number, body?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    const text = body ? JSON.stringify(body) : '';
    res.writeHead(status, {
      ...(body ? { 'content-type': 'application/json' } : {}),
      'content-length': String(Buffer.byteLength(text)),
      ...(stopping ? { connection: 'close' } : {}),
      ...headers,
    });
    res.end(text);
  };

  const health = (res: ServerResponse) => {
    const ok = handler !== undefined && !stopping;
    const uptime = Math.round((Date.now() - started) / 1000);
    send(res, ok ? 200 : 503, { ok, knowledge: ok ? knowledge : null, uptime, ...(stopping ? { stopping: true } : {}), ...options.health?.() });
  };

  const onUpdateRequest = async (req: IncomingMessage, res: ServerResponse) => {
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secretDigest)) {
      logger.warn({ status: 401 }, 'webhook request without the right secret token refused');
      return send(res, 401, { ok: false, error: 'wrong or missing X-Telegram-Bot-Api-Secret-Token' });
    }
    const run = handler;
    if (!run || stopping) return send(res, 503, { ok: false, error: stopping ? 'stopping' : 'starting' }, { 'retry-after': '1' });
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return tooLarge(res);
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too large') return tooLarge(res);
    if (body === 'aborted') return;
    const update = parseUpdate(body);
    if (!update) {
      logger.warn({ status: 400, bytes: body.length }, 'webhook request that is not an update refused');
      return send(res, 400, { ok: false, error: 'the body is not a JSON Telegram update' });
    }
    const claim = await gate.claim(update.update_id);
    if (claim === 'done') {
      logger.info({ update_id: update.update_id }, 'duplicate update: answered already');
      return send(res, 200);
    }
    if (claim === 'busy') {
      logger.info({ update_id: update.update_id }, 'duplicate update: being handled; Telegram will retry');
      return send(res, 503, { ok: false, error: 'this update is being handled' }, { 'retry-after': '5' });
    }
    const task = run(update)
      .catch((error: unknown) => logger.error({ update_id: update.update_id, err: error }, 'update failed outside the error boundary'))
      .then(() => gate.finish(update.update_id))
      .catch((error: unknown) => logger.warn({ update_id: update.update_id, err: error }, 'could not mark the update done'))
      .finally(() => handling.delete(task));
    handling.add(task);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      task.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), responseTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) logger.warn({ update_id: update.update_id, ms: responseTimeoutMs }, 'update still in progress: answered 200 so that Telegram does not send it again');
    send(res, 200);
  };

  const tooLarge = (res: ServerResponse) => {
    logger.warn({ status: 413 }, 'webhook request over 1 MiB refused');
    send(res, 413, { ok: false, error: 'the body is over 1 MiB' }, { connection: 'close' });
  };

  const server = createServer((req, res) => {
    openRequests++;
    res.once('close', () => openRequests--);
    const path = (req.url ?? '/').split('?')[0];
    const route =
      path === WEBHOOK_PATH
        ? req.method === 'POST'
          ? onUpdateRequest(req, res)
          : send(res, 405, { ok: false, error: 'POST updates here' }, { allow: 'POST' })
        : path === '/healthz'
          ? req.method === 'GET' || req.method === 'HEAD'
            ? health(res)
            : send(res, 405, { ok: false, error: 'GET only' }, { allow: 'GET, HEAD' })
          : send(res, 404, { ok: false, error: 'not found' });
    Promise.resolve(route).catch((error: unknown) => {
      logger.error({ err: error }, 'webhook request failed');
      send(res, 500, { ok: false, error: 'internal error' });
    });
  });
  // No slow clients holding connections: the whole request within 15 s, its headers within 10 s.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;

  return {
    server,
    listen(port, host) {
      return new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    ready(run, info) {
      handler = run;
      knowledge = info.knowledge;
    },
    async close(deadline) {
      stopping = true;
      server.close();
      server.closeIdleConnections();
      while ((openRequests > 0 || handling.size > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
      }
      server.closeAllConnections();
      return handling.size;
    },
    get inProgress() {
      return handling.size;
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison (of SHA-256 digests, so that the length does not leak either). */
function secretMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  return timingSafeEqual(digest(header), expected);
}

/** The body as a string, 'too large' past `limit` bytes, or 'aborted' if the client went away. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: string | 'too large' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        finish('too large');
        req.resume(); // discard the rest
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish('aborted'));
  });
}

/**
 * The update in a request body, or undefined when the body is not JSON or not shaped like an update
 * (an object with a non-negative integer `update_id` and one object field, such as `message`).
 * @example
 * parseUpdate('{"update_id":1,"message":{}}'); // { update_id: 1, message: {} }
 * parseUpdate('{"ok":true}'); // undefined
 */
export function parseUpdate(body: string): Update | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const id = record.update_id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined;
  const fields = Object.keys(record).filter((k) => k !== 'update_id');
  if (fields.length !== 1) return undefined;
  const payload = record[fields[0]!];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  return value as Update;
}
