/**
 * How much of each article the knowledge base covers: every sentence that carries a claim (not
 * comments, "read also" links, menus or sub-headings, which sources.yaml lists as nonClaim) should
 * be evidence for at least one fact.
 */
import { normalizeWhitespace } from '../text/normalize.ts';
import type { Knowledge } from './load.ts';

/** A sentence counts as covered when quotes span at least this share of its non-space characters (a sentence with two claims needs both quoted). */
export const COVERED_SHARE = 0.9;

/** Coverage of one article. */
export interface ArticleCoverage {
  readonly source: string;
  readonly claimSentences: number;
  readonly covered: number;
  /** covered / claimSentences, in [0, 1]. */
  readonly ratio: number;
  /** The claim sentences no quote covers enough. */
  readonly uncovered: readonly string[];
}

/**
 * Splits an article into sentences: by line, then after . ! ? ؟ followed by a space.
 * @example
 * splitSentences('أ. ب؟\nج'); // ['أ.', 'ب؟', 'ج']
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?؟])\s+(?=\S)/))
    .map(normalizeWhitespace)
    .filter(Boolean);
}

/**
 * Computes per-article coverage from the quotes of facts and entities.
 * @example
 * for (const c of articleCoverage(loadKnowledge())) console.log(c.source, c.ratio);
 */
export function articleCoverage(kb: Knowledge): ArticleCoverage[] {
  const quotes = new Map<string, string[]>();
  const add = (source: string, quote: string) => quotes.set(source, [...(quotes.get(source) ?? []), normalizeWhitespace(quote)]);
  for (const f of kb.facts.values()) for (const e of f.evidence) add(e.source, e.quote);
  for (const e of kb.entities.values()) for (const ev of e.evidence) add(ev.source, ev.quote);

  return [...kb.sources.values()].map((src) => {
    const flat = src.flatText;
    // mark every character some quote covers
    const marked = new Uint8Array(flat.length);
    for (const q of quotes.get(src.id) ?? []) {
      for (let at = flat.indexOf(q); at >= 0; at = flat.indexOf(q, at + 1)) marked.fill(1, at, at + q.length);
    }
    const nonClaim = src.nonClaim.map((n) => normalizeWhitespace(n.text));
    let cursor = 0;
    let claimSentences = 0;
    let covered = 0;
    const uncovered: string[] = [];
    for (const sentence of splitSentences(src.text)) {
      const at = flat.indexOf(sentence, cursor);
      if (at < 0) continue;
      cursor = at + sentence.length;
      if (!/\p{L}/u.test(sentence) || nonClaim.some((n) => n === sentence || n.includes(sentence))) continue;
      claimSentences++;
      let chars = 0;
      let hit = 0;
      for (let i = at; i < at + sentence.length; i++) {
        if (flat[i] === ' ') continue;
        chars++;
        hit += marked[i] as number;
      }
      if (chars > 0 && hit / chars >= COVERED_SHARE) covered++;
      else uncovered.push(sentence);
    }
    return { source: src.id, claimSentences, covered, ratio: claimSentences ? covered / claimSentences : 1, uncovered };
  });
}
