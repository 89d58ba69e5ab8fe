import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileUnansweredStore, parseLines } from '../../src/unanswered/file-store.ts';
import { groupGaps } from '../../src/unanswered/gaps.ts';
import { ROOT, engine } from '../helpers/engine.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const entry = (question: string, at = '2026-11-23T00:00:00.000Z') => ({ at, question, reason: 'decline', suggestions: ['س؟'] });

describe('FileUnansweredStore', () => {
  it('creates the file and its folder on demand and reads entries back in order', async () => {
    const path = join(tempDir('ua-'), 'nested', 'data', 'unanswered.jsonl');
    const store = new FileUnansweredStore(path);
    await store.record(entry('سؤال أول'));
    await store.record(entry('سؤال ثان'));
    expect((await store.readAll()).map((e) => e.question)).toEqual(['سؤال أول', 'سؤال ثان']);
    await store.close();
  });

  it('skips a line torn by a crash and terminates it before the next entry', async () => {
    const path = join(tempDir('ua-'), 'u.jsonl');
    appendFileSync(path, `${JSON.stringify(entry('قبل الانقطاع'))}\n{"at":"2026-11-23T00:00:01Z","ques`);
    expect((await new FileUnansweredStore(path).readAll()).map((e) => e.question)).toEqual(['قبل الانقطاع']);
    const store = new FileUnansweredStore(path);
    await store.record(entry('بعد الانقطاع'));
    await store.close();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(parseLines(text).map((e) => e.question)).toEqual(['قبل الانقطاع', 'بعد الانقطاع']);
  });

  it('keeps every line whole when several processes append at once', async () => {
    const path = join(tempDir('ua-'), 'u.jsonl');
    const writer = `
      import { FileUnansweredStore } from ${JSON.stringify(join(ROOT, 'src/unanswered/file-store.ts'))};
      const s = new FileUnansweredStore(process.argv[2]);
      for (let i = 0; i < 250; i++) await s.record({ at: new Date().toISOString(), question: 'س'.repeat(200) + ' ' + process.argv[3] + '-' + i, reason: 'x', suggestions: ['ا'.repeat(300)] });
    `;
    const tsx = join(ROOT, 'scripts', 'run-ts.mjs');
    const file = join(tempDir('ua-w-'), 'writer.ts');
    (await import('node:fs')).writeFileSync(file, writer);
    await Promise.all(
      [0, 1, 2, 3].map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const p = spawn(process.execPath, [tsx, file, path, String(w)], { cwd: ROOT, stdio: 'inherit' });
            p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${w} exited ${code}`))));
          }),
      ),
    );
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1000);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  }, 60_000);
});

describe('groupGaps', () => {
  it('counts the same question in different spellings once, most asked first', () => {
    const gaps = groupGaps(
      [entry('ما موقف الأردن من اللاجئين؟'), entry('ما موقف الاردن من اللاجئين'), entry('مَا مَوْقِف الأُرْدُن مِن اللاجئين'), entry('كم عدد القواعد التركية؟')],
      engine().analyzer,
    );
    expect(gaps[0]?.count).toBe(3);
    expect(gaps[1]?.count).toBe(1);
  });
});
