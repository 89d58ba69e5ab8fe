import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, knowledgeCopy } from '../helpers/engine.ts';

function ask(args: string[], input?: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/run.mjs', 'ask', ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

describe('npm run ask', () => {
  it('--json writes exactly one JSON line per input line, in order, and nothing else', () => {
    const questions = ['من حضر الاجتماع الرباعي؟', '', 'ما هو أطول نهر في العالم؟', '🙂', 'Who is the Syrian defense minister?', '{"not": "json mode input"}'];
    const r = ask(['--json'], `${questions.join('\n')}\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(questions.length);
    const out = lines.map((l) => JSON.parse(l));
    out.forEach((o, i) => {
      expect(o.question).toBe(questions[i]);
      for (const field of ['answered', 'text', 'citations', 'suggestions', 'score']) expect(o, field).toHaveProperty(field);
    });
    expect(out[0].answered).toBe(true);
    expect(out[0].citations[0]).toEqual({ source: expect.stringMatching(/^\d{3}_/), title: expect.any(String), quote: expect.any(String) });
    expect(out[2].answered).toBe(false);
    expect(out[4].answered).toBe(true);
    expect(out[4].text).toContain('عباس');
  });

  it('prints an answer with its sources for a person', () => {
    const r = ask(['متى عقد الاجتماع الثلاثي الأول؟']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('28 كانون الأول');
    expect(r.stdout).toMatch(/المصادر?:/);
  });

  it('stops with one line naming file, entry and field when the knowledge is broken', () => {
    const kb = knowledgeCopy();
    kb.edit('meetings.yaml', (t) => t.replace('level: نواب وزراء الخارجية', 'level: 42'));
    const r = ask(['--json'], 'من حضر؟\n', { KNOWLEDGE_DIR: kb.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const err = r.stderr.trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain('meetings.yaml');
    expect(err).toContain('deputy-fm-2023-03');
    expect(err).toContain('level');
  });
});
