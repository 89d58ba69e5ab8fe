import { createEngine } from '../src/engine/index.ts';
const e: any = createEngine();
for (const q of process.argv.slice(2)) { const a = e.analyzer.analyze(q, { mode: 'query' }); console.log(q, '\n  ', JSON.stringify({ t: a.terms, q: a.qtypes, st: a.smalltalk, unk: a.unknown })); }
