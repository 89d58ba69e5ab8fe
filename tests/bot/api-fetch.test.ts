import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFetchAbortedError, createApiFetch, keepAliveAgent, type ApiFetch } from '../../src/bot/api-fetch.ts';

let server: Server;
let root: string;
const seen: { method: string; url: string; type: string | undefined; length: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, type: req.headers['content-type'], length: req.headers['content-length'], body });
      if (req.url!.endsWith('/slow')) return void setTimeout(() => res.end('{"ok":true,"result":true}'), 2000);
      if (req.url!.endsWith('/broken')) return void res.end('{"ok":');
      const status = req.url!.endsWith('/refused') ? 400 : 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true, result: { echo: JSON.parse(body) } } : { ok: false, error_code: 400, description: 'Bad Request' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const fallbackCalls: string[] = [];
const fallback: ApiFetch = async (url) => (fallbackCalls.push(url), { status: 200, ok: true, json: async () => ({ ok: true, result: 'fallback' }) });
const apiFetch = () => createApiFetch(keepAliveAgent(root), fallback);
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('createApiFetch', () => {
  it('posts the JSON body (Arabic included) and gives the parsed response', async () => {
    const res = await apiFetch()(`${root}/bot1:x/sendMessage`, json({ chat_id: 1, text: 'من حضر؟' }));
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({ ok: true, result: { echo: { chat_id: 1, text: 'من حضر؟' } } });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/bot1:x/sendMessage', type: 'application/json' });
    expect(Number(last.length)).toBe(Buffer.byteLength(last.body));
  });

  it('gives Telegram\'s refusal as a response (status and body), as fetch does', async () => {
    const res = await apiFetch()(`${root}/bot1:x/refused`, json({}));
    expect(res.status).toBe(400);
    expect(res.ok).toBe(false);
    expect(await res.json()).toMatchObject({ ok: false, error_code: 400 });
  });

  it('rejects a body that is not JSON when it is read', async () => {
    const res = await apiFetch()(`${root}/bot1:x/broken`, json({}));
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('rejects when aborted, before or during the call', async () => {
    const before = new AbortController();
    before.abort();
    await expect(apiFetch()(`${root}/bot1:x/slow`, { ...json({}), signal: before.signal })).rejects.toBeInstanceOf(ApiFetchAbortedError);
    const during = new AbortController();
    const call = apiFetch()(`${root}/bot1:x/slow`, { ...json({}), signal: during.signal });
    setTimeout(() => during.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(ApiFetchAbortedError);
  });

  it('rejects when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(createApiFetch(keepAliveAgent('http://x'), fallback)(`http://127.0.0.1:${port}/bot1:x/getMe`, json({}))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('leaves bodies that are not strings (uploads) to the fallback fetch', async () => {
    const res = await apiFetch()(`${root}/bot1:x/sendDocument`, { method: 'POST', body: new Uint8Array([1, 2]) });
    expect(await res.json()).toEqual({ ok: true, result: 'fallback' });
    expect(fallbackCalls).toEqual([`${root}/bot1:x/sendDocument`]);
  });
});
