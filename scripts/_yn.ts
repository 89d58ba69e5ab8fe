import { readFileSync } from 'node:fs';
import { createEngine } from '../src/engine/index.ts';
const engine = createEngine() as any;
const sets = process.argv.slice(2);
for (const f of sets) for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
  const o = JSON.parse(line);
  if (o.prev) continue;
  const a = engine.analyzer.analyze(o.q, { mode: 'query' });
  if (!(a.qtypes.includes('yesno') && a.future)) continue;
  const r = engine.explain(o.q, {});
  const lead = r?.chosen?.[0]?.target;
  console.log(o.id, o.expect, r?.answer ? 'ANS' : 'dec', a.entities.join(','), lead ? lead.id + ' spk=' + [...lead.speakers].join(',') : '', '|', o.q);
}
