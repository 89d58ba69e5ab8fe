/**
 * `npm run bench [-- --runs N] [-- --sizes 1000,10000,100000]`
 * In-process performance of the engine: load + validate + index time, per-question latency
 * (p50/p99 over the evaluation questions, analysis cache cleared), heap after load; then the same
 * with the knowledge base grown synthetically. Latency is measured twice: cold, the first round of
 * questions right after load (V8 is still compiling the hot code: the first few thousand answers of
 * a fresh process), and steady, after three more rounds of warm-up (a bot that has been running).
 * Prints a table and one JSON line (prefixed BENCH).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEngine, type EngineInternals } from '../engine/engine.ts';
import { defaultKnowledgeDir, loadKnowledge, type Knowledge } from '../engine/knowledge/load.ts';
import { readQuestionSet } from '../eval/score.ts';
import { growKnowledge } from '../eval/synthetic.ts';
import { runMain } from './run-main.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function latencies(engine: EngineInternals, questions: readonly string[], rounds: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    engine.analyzer.clearCache();
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      engine.answer(q);
      out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return out;
}

await runMain(async () => {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(arg('--runs') ?? 5);
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const dir = defaultKnowledgeDir();

  // questions: our evaluation sets plus the curated questions
  const sets = [join(dir, '..', 'tests', 'eval', 'questions.jsonl'), join(dir, '..', 'tests', 'eval', 'holdout.jsonl')].filter(existsSync);
  const kb0 = loadKnowledge(dir);
  const questions = [...sets.flatMap((f) => readQuestionSet(f).map((q) => q.q)), ...kb0.questions.map((q) => q.q)];

  // load + validate + index, cold in this process first, then repeated
  const loadTimes: number[] = [];
  let engine: EngineInternals | undefined;
  const before = heapMb();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    engine = createEngine({ knowledgeDir: dir });
    loadTimes.push(performance.now() - t0);
  }
  const e = engine as EngineInternals;
  const heapAfterLoad = heapMb() - before;
  const cold = latencies(e, questions, 1);
  latencies(e, questions, 3); // warm up the JIT
  const lat = latencies(e, questions, runs);

  const rows: { size: number; targets: number; indexMs: number; p50: number; p99: number; heapMb: number }[] = [];
  rows.push({ size: kb0.questions.length, targets: e.catalog.targets.size, indexMs: median(loadTimes), p50: median(lat), p99: percentile(lat, 99), heapMb: heapAfterLoad });
  for (const size of sizes) {
    const grown: Knowledge = growKnowledge(kb0, size);
    const h0 = heapMb();
    const t0 = performance.now();
    const big = createEngine({ knowledge: grown });
    const indexMs = performance.now() - t0;
    const heap = heapMb() - h0;
    latencies(big, questions, 1);
    const l = latencies(big, questions, Math.max(1, Math.min(runs, 2)));
    rows.push({ size, targets: big.catalog.targets.size, indexMs, p50: median(l), p99: percentile(l, 99), heapMb: heap });
  }

  console.log(`engine benchmark — knowledge ${e.version}, ${questions.length} questions × ${runs} rounds, node ${process.version}`);
  console.log('curated questions | targets | load+index ms | p50 ms | p99 ms | heap MB');
  for (const r of rows) console.log(`${String(r.size).padStart(17)} | ${String(r.targets).padStart(7)} | ${r.indexMs.toFixed(0).padStart(13)} | ${r.p50.toFixed(3).padStart(6)} | ${r.p99.toFixed(3).padStart(6)} | ${r.heapMb.toFixed(1).padStart(7)}`);
  console.log(`real knowledge base: load+validate+index median ${median(loadTimes).toFixed(0)} ms (first ${loadTimes[0]?.toFixed(0)} ms); per question p50 ${median(lat).toFixed(3)} ms, p99 ${percentile(lat, 99).toFixed(3)} ms steady (targets: p99 ≤ 2 ms, load ≤ 300 ms; p99 ≤ 20 ms at 100k)`);
  console.log(`cold, the first ${questions.length} answers after load: p50 ${median(cold).toFixed(3)} ms, p99 ${percentile(cold, 99).toFixed(3)} ms`);
  console.log(`BENCH ${JSON.stringify({ knowledge: e.version, questions: questions.length, runs, loadMsMedian: +median(loadTimes).toFixed(1), loadMsFirst: +(loadTimes[0] ?? 0).toFixed(1), p50ms: +median(lat).toFixed(4), p99ms: +percentile(lat, 99).toFixed(4), coldP50ms: +median(cold).toFixed(4), coldP99ms: +percentile(cold, 99).toFixed(4), heapMb: +heapAfterLoad.toFixed(1), scale: rows.slice(1).map((r) => ({ questions: r.size, targets: r.targets, indexMs: Math.round(r.indexMs), p50ms: +r.p50.toFixed(4), p99ms: +r.p99.toFixed(4), heapMb: +r.heapMb.toFixed(1) })) })}`);
});
