// Debug helper: node scripts/run-ts.mjs scripts/explain.ts "question" [contextMeeting]
import { createEngine } from '../src/engine/index.ts';
const engine = createEngine();
const [q, ctx] = process.argv.slice(2);
const a = engine.analyzer.analyze(q ?? '', { mode: 'query' });
console.log(JSON.stringify({ terms: a.terms, qtypes: a.qtypes, unknown: a.unknown, entities: a.entities, meetings: a.meetings, foreign: a.foreign, speech: a.speech, followup: a.followup, corrections: a.corrections }));
const r = engine.explain(q ?? '', ctx ? { meetingId: ctx } : {});
if (r) {
  console.log('answer', r.answer, r.reason ?? '', 'conf', r.confidence.toFixed(3), 'ctx', r.contextMeeting ?? '');
  for (const c of r.candidates.slice(0, 8)) console.log(`${c.target.id.padEnd(36)} rank ${c.rank.toFixed(2).padStart(6)} bm25 ${c.bm25.toFixed(2).padStart(6)} cov ${c.coverage.toFixed(2)} qsim ${c.questionSimilarity.toFixed(2)} conf ${c.confidence.toFixed(2)} ${c.veto ?? ''}`);
}
