// Debug helper: node scripts/run-ts.mjs scripts/explain.ts "question" [contextMeeting] [target-id-substring]
import { createEngine } from '../src/engine/index.ts';
const engine = createEngine();
const [q, ctx, want] = process.argv.slice(2);
const a = engine.analyzer.analyze(q ?? '', { mode: 'query' });
console.log(JSON.stringify({ terms: a.terms, qtypes: a.qtypes, unknown: a.unknown, entities: a.entities, meetings: a.meetings, foreign: a.foreign, speech: a.speech, followup: a.followup, corrections: a.corrections, count: a.count }));
const r = engine.explain(q ?? '', ctx ? { meetingId: ctx } : {});
if (r) {
  console.log('answer', r.answer, r.reason ?? '', 'conf', r.confidence.toFixed(3), 'ctx', r.contextMeeting ?? '');
  const show = r.candidates.map((c, i) => [c, i] as const).filter(([c, i]) => i < 8 || (want !== undefined && c.target.id.includes(want)));
  for (const [c, i] of show) console.log(`${String(i).padStart(2)} ${c.target.id.padEnd(36)} rank ${c.rank.toFixed(2).padStart(6)} bm25 ${c.bm25.toFixed(2).padStart(6)} cov ${c.coverage.toFixed(2)} qsim ${c.questionSimilarity.toFixed(2)} conf ${c.confidence.toFixed(2)} ${c.veto ?? ''}`);
}
