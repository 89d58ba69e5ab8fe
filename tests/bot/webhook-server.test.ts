import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryUpdateGate } from '../../src/bot/update-gate.ts';
import { createWebhookServer, MAX_BODY_BYTES, parseUpdate, type WebhookServer } from '../../src/bot/webhook-server.ts';
import { createLogger } from '../../src/logger.ts';

const SECRET = 'unit_webhook_secret-0123456789abcdefghijklmn';
const HEADERS = { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' };

let server: WebhookServer | undefined;
let log = '';
afterEach(async () => {
  await server?.close(Date.now() + 1000);
  server = undefined;
  log = '';
});

async function start(options: { responseTimeoutMs?: number } = {}): Promise<{ server: WebhookServer; port: number }> {
  const logger = createLogger({ level: 'info', destination: { write: (l: string) => (log += l) } });
  server = createWebhookServer({ secret: SECRET, gate: createMemoryUpdateGate(), logger, health: () => ({ redis: 'up' }), ...options });
  const address: AddressInfo = await server.listen(0, '127.0.0.1');
  return { server, port: address.port };
}

/** A raw HTTP request (no client-side limits), resolving with the status and body. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/telegram', headers: options.headers ?? HEADERS, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (s: string) => (body += s));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const update = (id: number): Update => ({ update_id: id, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'x' }, text: 'hi' } }) as Update;
const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('webhook server', () => {
  it('answers /healthz 503 until ready, then 200 with ok, knowledge version and uptime', async () => {
    const { server, port } = await start();
    const before = await send(port, { method: 'GET', path: '/healthz' });
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toMatchObject({ ok: false, knowledge: null, uptime: expect.any(Number), redis: 'up' });
    expect((await send(port, { body: JSON.stringify(update(1)) })).status).toBe(503);
    server.ready(async () => undefined, { knowledge: 'abc123' });
    const after = await send(port, { method: 'GET', path: '/healthz' });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual({ ok: true, knowledge: 'abc123', uptime: expect.any(Number), redis: 'up' });
  });

  it('refuses a missing or wrong secret with 401 without handling anything', async () => {
    const { server, port } = await start();
    const handled: number[] = [];
    server.ready(async (u) => void handled.push(u.update_id), { knowledge: 'k' });
    const body = JSON.stringify(update(2));
    expect((await send(port, { headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    expect((await send(port, { headers: { ...HEADERS, 'x-telegram-bot-api-secret-token': SECRET.toUpperCase() }, body })).status).toBe(401);
    expect((await send(port, { headers: { ...HEADERS, 'x-telegram-bot-api-secret-token': `${SECRET}x` }, body })).status).toBe(401);
    expect(handled).toEqual([]);
    expect((await send(port, { body })).status).toBe(200);
    expect(handled).toEqual([2]);
    expect(log).not.toContain(SECRET);
  });

  it('refuses what is not a JSON update with 400, and bodies over 1 MiB with 413', async () => {
    const { server, port } = await start();
    const handled: number[] = [];
    server.ready(async (u) => void handled.push(u.update_id), { knowledge: 'k' });
    for (const body of ['', 'nope', '{"update_id":1', '[]', '{"update_id":"1","message":{}}', '{"update_id":1}', '{"update_id":1,"message":{},"edited_message":{}}', '{"update_id":1.5,"message":{}}']) {
      expect((await send(port, { body })).status, body).toBe(400);
    }
    const big = JSON.stringify({ ...update(3), message: { ...update(3).message, text: 'x'.repeat(MAX_BODY_BYTES) } });
    expect((await send(port, { body: big })).status).toBe(413);
    // without a content-length (chunked), counted while reading
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/telegram', headers: { ...HEADERS, 'transfer-encoding': 'chunked' }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024, 120));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(handled).toEqual([]);
    expect((await send(port, { method: 'PUT' })).status).toBe(405);
    expect((await send(port, { method: 'GET', path: '/other' })).status).toBe(404);
  });

  it('answers an update once: a repeat while it is handled gets 503, a repeat after gets 200, and neither is handled again', async () => {
    const { server, port } = await start();
    const gate = deferred();
    let calls = 0;
    server.ready(async () => {
      calls++;
      await gate.promise;
    }, { knowledge: 'k' });
    const body = JSON.stringify(update(4));
    const first = send(port, { body });
    await expect.poll(() => calls).toBe(1);
    const busy = await send(port, { body });
    expect(busy.status).toBe(503);
    gate.resolve();
    expect((await first).status).toBe(200);
    expect((await send(port, { body })).status).toBe(200);
    expect(calls).toBe(1);
  });

  it('answers 200 after the response timeout while the update is still being handled, and remembers it once done', async () => {
    const { server, port } = await start({ responseTimeoutMs: 100 });
    const gate = deferred();
    server.ready(() => gate.promise, { knowledge: 'k' });
    const t0 = Date.now();
    expect((await send(port, { body: JSON.stringify(update(5)) })).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(server.inProgress).toBe(1);
    expect(log).toContain('update still in progress');
    gate.resolve();
    await expect.poll(() => server.inProgress).toBe(0);
  });

  it('answers 200 when the handler fails (sending the update again could answer twice), and logs the failure', async () => {
    const { server, port } = await start();
    server.ready(async () => {
      throw new Error('boom');
    }, { knowledge: 'k' });
    expect((await send(port, { body: JSON.stringify(update(6)) })).status).toBe(200);
    expect(log).toContain('update failed outside the error boundary');
  });

  it('on close: refuses new requests, waits for the ones in flight, and gives up at the deadline', async () => {
    const { server, port } = await start();
    const gate = deferred();
    server.ready(() => gate.promise, { knowledge: 'k' });
    const inFlight = send(port, { body: JSON.stringify(update(7)) });
    await expect.poll(() => server.inProgress).toBe(1);
    const closing = server.close(Date.now() + 5000);
    await expect(send(port, { method: 'GET', path: '/healthz' })).rejects.toThrow();
    setTimeout(gate.resolve, 100);
    expect((await inFlight).status).toBe(200);
    expect(await closing).toBe(0);

    const again = await start();
    again.server.ready(() => new Promise<void>(() => undefined), { knowledge: 'k' });
    void send(again.port, { body: JSON.stringify(update(8)) }).catch(() => undefined);
    await expect.poll(() => again.server.inProgress).toBe(1);
    const t0 = Date.now();
    expect(await again.server.close(Date.now() + 300)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

describe('parseUpdate', () => {
  it('accepts an object with a non-negative integer update_id and exactly one object field', () => {
    expect(parseUpdate('{"update_id":0,"callback_query":{"id":"1"}}')).toEqual({ update_id: 0, callback_query: { id: '1' } });
    expect(parseUpdate('{"update_id":1,"message":null}')).toBeUndefined();
    expect(parseUpdate('{"update_id":1,"message":[]}')).toBeUndefined();
    expect(parseUpdate('null')).toBeUndefined();
  });
});
