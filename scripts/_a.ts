import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/index.ts';
const e = createEngine();
const ids = new Set(process.argv.slice(3));
for (const l of readFileSync(process.argv[2]!, 'utf8').split('\n')) {
  if (!l.trim()) continue;
  const q = JSON.parse(l);
  if (!ids.has(q.id)) continue;
  const a = e.analyzer.analyze(q.q, { mode: 'query' });
  const r: any = e.explain(q.q, {});
  console.log(q.id, q.q, JSON.stringify(q.all ?? ''), '\n   terms', a.terms.join(' '), '| q', a.qtypes.join(','), '| unk', a.unknown.join(' '), '|', r?.answer, r?.reason ?? '', (r?.candidates ?? []).slice(0, 3).map((c: any) => `${c.target.id} ${c.rank.toFixed(2)} ${c.coverage.toFixed(2)} ${c.veto ?? ''}`).join(' ; '));
}
