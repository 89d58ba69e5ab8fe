/**
 * Groups declined questions for curators: the same question in different spellings counts as one
 * (grouped by what the analyzer makes of it: terms, question type, names), most asked first.
 */
import type { Analyzer } from '../engine/nlp/analyzer.ts';
import type { UnansweredEntry } from './types.ts';

/** One group of declined questions. */
export interface Gap {
  readonly key: string;
  readonly count: number;
  /** The most frequent wording. */
  readonly example: string;
  /** Other wordings seen (up to 5). */
  readonly variants: readonly string[];
  readonly lastAt: string;
}

/**
 * @example
 * const gaps = groupGaps(await store.readAll(), engine.analyzer);
 * for (const g of gaps) console.log(g.count, g.example);
 */
export function groupGaps(entries: readonly UnansweredEntry[], analyzer: Analyzer): Gap[] {
  const groups = new Map<string, { count: number; wordings: Map<string, number>; lastAt: string }>();
  for (const e of entries) {
    const a = analyzer.analyze(e.question, { mode: 'query' });
    const parts = [...new Set([...a.terms, ...a.foreign.map((f) => `!${f}`), ...a.qtypes.map((q) => `?${q}`)])].sort();
    const key = parts.length ? parts.join(' ') : e.question.trim();
    const g = groups.get(key) ?? { count: 0, wordings: new Map<string, number>(), lastAt: e.at };
    g.count++;
    g.wordings.set(e.question, (g.wordings.get(e.question) ?? 0) + 1);
    if (e.at > g.lastAt) g.lastAt = e.at;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const wordings = [...g.wordings.entries()].sort((x, y) => y[1] - x[1]).map(([w]) => w);
      return { key, count: g.count, example: wordings[0] ?? key, variants: wordings.slice(1, 6), lastAt: g.lastAt };
    })
    .sort((x, y) => y.count - x.count || (x.lastAt < y.lastAt ? 1 : -1));
}
