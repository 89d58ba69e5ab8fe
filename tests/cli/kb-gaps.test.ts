import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/engine.ts';
import { startRedis, type RedisServer } from '../../src/testing/redis-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function kbGaps(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REDIS_URL: '', UNANSWERED_LOG: '' };
    const p = spawn(process.execPath, ['scripts/run.mjs', 'kb-gaps', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    p.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    p.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const line = (question: string) => JSON.stringify({ at: '2026-11-23T10:00:00.000Z', question, reason: 'not-covered', suggestions: [] });
const ASKED = ['ما موقف الأردن من اللاجئين؟', 'ما موقف الاردن من اللاجئين', 'مَا مَوْقِف الأُرْدُن مِن اللاجئين', 'كم عدد القواعد التركية؟'];

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

describe('npm run kb:gaps', () => {
  it('groups a log file, most asked first, with counts, skipping a torn last line', async () => {
    const file = join(tempDir('gaps-'), 'u.jsonl');
    writeFileSync(file, `${ASKED.map(line).join('\n')}\n{"at":"2026`);
    const r = await kbGaps(['--log', file]);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toContain('4 سؤالًا');
    expect(rows[1]).toMatch(/^\s+3 {2}/);
    expect(r.stdout).toMatch(/\n\s+1 {2}كم عدد القواعد التركية؟/);
  });

  it('reads the list the bot keeps in Redis with --redis URL', async () => {
    const client = redis.client();
    for (const q of ASKED) await client.lpush('mtb:unanswered', line(q));
    const r = await kbGaps(['--redis', redis.url]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Redis');
    expect(r.stdout.split('\n')[1]).toMatch(/^\s+3 {2}/);
  });

  it('says so when there is nothing yet, and refuses an unreachable Redis in one line', async () => {
    const empty = await kbGaps(['--log', join(tempDir('gaps-'), 'none.jsonl')]);
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain('لا أسئلة غير مُجابة');
    const down = await kbGaps(['--redis', 'redis://127.0.0.1:1']);
    expect(down.status).toBe(1);
    expect(down.stderr.trim().split('\n')).toEqual([expect.stringContaining('Cannot reach Redis')]);
  });
});
