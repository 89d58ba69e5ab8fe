/**
 * Simple baselines, measured on the same question sets to show what the engine's design buys:
 * - `bm25`: plain BM25 over the article sentences (normalized words, no stemming, no aliases, no
 *   dialect handling); answers with the best sentence as its own quote, declines below a gate.
 * - `fuse`: fuse.js with default options over the curated questions; answers with the best
 *   question's target (composed by the engine), never declines unless fuse finds nothing.
 */
import Fuse from 'fuse.js';
import type { EngineInternals } from '../engine/engine.ts';
import { splitSentences } from '../engine/knowledge/coverage.ts';
import { Bm25Index } from '../engine/search/bm25.ts';
import { normalizeArabic } from '../engine/text/normalize.ts';
import { tokenize } from '../engine/text/tokenize.ts';
import type { Answer } from '../engine/types.ts';
import type { AnswerFn } from './run.ts';

const declined: Answer = { answered: false, kind: 'decline', text: '', citations: [], suggestions: [], score: 0, matched: [] };

/**
 * Plain BM25 over sentences.
 * @example
 * const answer = bm25SentenceBaseline(engine); answer('متى عقد الاجتماع الثلاثي؟');
 */
export function bm25SentenceBaseline(engine: EngineInternals, gate = 0.35): AnswerFn {
  const index = new Bm25Index();
  const sentences: { source: string; title: string; text: string }[] = [];
  for (const s of engine.knowledge.sources.values()) {
    for (const sentence of splitSentences(s.text)) {
      sentences.push({ source: s.id, title: s.title, text: sentence });
      index.add({ target: String(sentences.length - 1), field: 'text', terms: tokenize(normalizeArabic(sentence)) });
    }
  }
  index.build();
  return (question) => {
    const terms = [...new Set(tokenize(normalizeArabic(question)))];
    const max = terms.reduce((s, t) => s + index.idf(t), 0);
    let best: [number, number] | undefined;
    for (const [doc, score] of index.search(terms)) if (!best || score > best[1]) best = [doc, score];
    if (!best || max === 0 || best[1] / max < gate) return declined;
    const s = sentences[Number(index.doc(best[0]).target)] as (typeof sentences)[number];
    return { answered: true, kind: 'fact', text: s.text, citations: [{ source: s.source, title: s.title, quote: s.text }], suggestions: [], score: best[1] / max, matched: [] };
  };
}

/**
 * fuse.js (default options) over the curated questions.
 * @example
 * const answer = fuseBaseline(engine); answer('مين حضر الاجتماع الرباعي');
 */
export function fuseBaseline(engine: EngineInternals): AnswerFn {
  const fuse = new Fuse(engine.knowledge.questions.map((q) => ({ q: q.q, target: q.target })), { keys: ['q'] });
  return (question) => {
    const [hit] = fuse.search(question, { limit: 1 });
    if (!hit) return declined;
    return engine.answerFor(hit.item.target) ?? declined;
  };
}
