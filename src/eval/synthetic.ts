/**
 * Grows a knowledge base synthetically for scale benchmarks: clones of the real facts (same text,
 * same verbatim quotes) under new ids, each with curated questions derived from the real ones by
 * dropping, reordering and adding vocabulary words. Only the benchmark uses this.
 */
import type { CuratedQuestion, Fact, Knowledge } from '../engine/knowledge/load.ts';

/**
 * Returns a copy of `kb` with about `questions` curated questions in total.
 * @example
 * const big = growKnowledge(kb, 100_000);
 */
export function growKnowledge(kb: Knowledge, questions: number, seed = 1): Knowledge {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const vocabulary = [...new Set([...kb.sources.values()].flatMap((s) => s.text.split(/\s+/)).filter((w) => w.length > 3))];
  const originals = kb.questions;
  const facts = new Map(kb.facts);
  const extra: CuratedQuestion[] = [];
  const factList = [...kb.facts.values()];
  const perTarget = Math.max(1, Math.round(originals.length / Math.max(1, kb.facts.size)));
  let clone = 0;
  while (originals.length + extra.length < questions) {
    const base = pick(factList);
    const id = `syn-${clone++}-${base.id}`;
    facts.set(id, { ...base, id } as Fact);
    for (let i = 0; i < perTarget && originals.length + extra.length < questions; i++) {
      const words = pick(originals).q.split(/\s+/).filter(() => rnd() > 0.25);
      for (let k = 0; k < 2; k++) words.splice(Math.floor(rnd() * (words.length + 1)), 0, pick(vocabulary));
      extra.push({ target: `fact:${id}`, q: words.join(' '), canonical: i === 0 });
    }
  }
  return { ...kb, facts, questions: [...originals, ...extra] };
}
