/**
 * `npm run eval [-- --set FILE ...] [--baseline bm25|fuse] [--json] [-v]`
 * Runs question sets (default: tests/eval/questions.jsonl) through the engine in process and
 * prints accuracy per category, then every failure. The articles come from knowledge/articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/index.ts';
import { defaultKnowledgeDir } from '../engine/knowledge/load.ts';
import { bm25SentenceBaseline, fuseBaseline } from '../eval/baselines.ts';
import { evaluate, type AnswerFn } from '../eval/run.ts';
import { evalNorm, readQuestionSet } from '../eval/score.ts';
import { runMain, UserFacingError } from './run-main.ts';

await runMain(async () => {
  const args = process.argv.slice(2);
  const sets: string[] = [];
  let baseline: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--set') sets.push(args[++i] ?? '');
    else if (args[i] === '--baseline') baseline = args[++i];
  }
  const json = args.includes('--json');
  const verbose = args.includes('-v');
  const knowledgeDir = defaultKnowledgeDir();
  if (sets.length === 0) sets.push(join(knowledgeDir, '..', 'tests', 'eval', 'questions.jsonl'));

  const articlesDir = join(knowledgeDir, 'articles');
  const articles = new Map(
    readdirSync(articlesDir).map((f) => [f.slice(0, 3), evalNorm(readFileSync(join(articlesDir, f), 'utf8'))] as const),
  );
  const t0 = performance.now();
  const engine = createEngine();
  const loadMs = performance.now() - t0;
  let answer: AnswerFn = (q, c) => engine.answer(q, c);
  if (baseline === 'bm25') answer = bm25SentenceBaseline(engine);
  else if (baseline === 'fuse') answer = fuseBaseline(engine);
  else if (baseline) throw new UserFacingError(`unknown baseline ${baseline}: use bm25 or fuse`);

  let failed = false;
  for (const set of sets) {
    const questions = readQuestionSet(set);
    const r = evaluate(questions, answer, articles);
    const ms = r.outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const p50 = ms[Math.floor(ms.length / 2)] ?? 0;
    if (json) {
      console.log(JSON.stringify({ set, system: baseline ?? 'engine', total: r.total, pass: r.pass, accuracy: +r.accuracy.toFixed(4), byCategory: r.byCategory, citations: r.citations, fabricatedQuotes: r.badQuotes, answeredOutOfScope: r.wrongAnswers, p50ms: +p50.toFixed(3), loadMs: Math.round(loadMs) }));
      continue;
    }
    console.log(`\n${set} — ${baseline ? `baseline ${baseline}` : 'engine'} (knowledge ${engine.version})`);
    for (const o of r.outcomes) {
      if (!o.pass) console.log(`FAIL ${o.question.id} [${o.question.cat}] ${o.question.prev ? `(after «${o.question.prev}») ` : ''}${o.question.q} -> ${o.why} :: ${o.answer.text.replace(/\s+/g, ' ').slice(0, 140)}`);
      else if (verbose) console.log(`ok   ${o.question.id} [${o.question.cat}] ${o.question.q}`);
    }
    console.log(Object.entries(r.byCategory).map(([k, v]) => `${k} ${v.pass}/${v.total}`).join(' | '));
    console.log(`accuracy ${r.pass}/${r.total} = ${(100 * r.accuracy).toFixed(1)}% · fabricated quotes ${r.badQuotes}/${r.citations} · out-of-scope answered ${r.wrongAnswers} · median ${p50.toFixed(2)} ms/question`);
    if (r.badQuotes > 0) failed = true;
  }
  return failed ? 1 : 0;
});
