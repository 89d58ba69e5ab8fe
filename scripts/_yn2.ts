import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/index.ts';
const engine = createEngine() as any;
for (const f of process.argv.slice(2)) for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
  const o = JSON.parse(line);
  if (o.prev) continue;
  const a = engine.analyzer.analyze(o.q, { mode: 'query' });
  if (!a.qtypes.includes('yesno')) continue;
  const r = engine.explain(o.q, {});
  if (!r?.answer) continue;
  const lead = r.chosen[0];
  const t = lead.target;
  const unc = a.terms.filter((x: string) => !t.coverTerms.has(x) && !t.terms.has(x));
  console.log(o.expect === 'answer' ? 'A' : 'N', lead.coverage.toFixed(2), t.id.padEnd(30), 'unc=' + unc.join(','), '|', o.id, o.q);
}
