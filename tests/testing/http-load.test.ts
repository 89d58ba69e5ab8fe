import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { offerLoad } from '../../src/testing/http-load.ts';

describe('offerLoad', () => {
  it('sends rate × seconds requests evenly, counts statuses, and measures latency from when each was due', async () => {
    const arrivals: number[] = [];
    let n = 0;
    const server = createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      req.on('end', () => {
        const i = n++;
        // every 10th answer is late by 50 ms; every 25th is an error status
        setTimeout(() => res.writeHead(i % 25 === 24 ? 503 : 200).end(), i % 10 === 9 ? 50 : 0);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    let bodies = 0;
    const result = await offerLoad({ url: `http://127.0.0.1:${port}/telegram`, rate: 200, seconds: 1, body: () => `{"n":${bodies++}}` });
    server.close();
    expect(result).toMatchObject({ sent: 200, ok: 192, non2xx: 8, errors: 0 });
    expect(bodies).toBe(200);
    expect(result.achieved).toBeGreaterThan(150);
    expect(result.p50).toBeLessThan(40);
    expect(result.p99).toBeGreaterThanOrEqual(50);
    // evenly spaced: the 200 arrivals spread over about one second
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(900);
  });
});
