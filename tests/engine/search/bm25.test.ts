import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../src/engine/search/bm25.ts';

/** An index of targets a…f with their docs; `q` docs are curated questions. */
function index(): Bm25Index {
  const ix = new Bm25Index();
  const docs: [string, 'q' | 'text', string][] = [
    ['a', 'text', 'موسكو اجتماع'],
    ['a', 'q', 'اجتماع موسكو'],
    ['a', 'q', 'اجتماع'],
    ['b', 'text', 'موسكو اجتماع'],
    ['b', 'q', 'موسكو'],
    ['c', 'text', 'انقره'],
    ['d', 'text', 'اجتماع موسكو دمشق'],
    ['e', 'text', 'موسكو اجتماع'],
    ['f', 'text', 'دمشق'],
  ];
  for (const [target, field, text] of docs) ix.add({ target, field, terms: text.split(' ') });
  ix.build();
  return ix;
}

describe('Bm25Index.searchTargets', () => {
  it('ranks targets by their best document, ties in the order first touched, and keeps the top k', () => {
    const ix = index();
    const all = ix.searchTargets(['موسكو', 'اجتماع'], 10);
    // a, b and e tie on the same text: they keep the order in which they were first touched
    expect(all.map((h) => h.target)).toEqual(['a', 'b', 'e', 'd']);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    expect(ix.searchTargets(['موسكو', 'اجتماع'], 2).map((h) => h.target)).toEqual(['a', 'b']);
  });

  it('gives each target its touched curated questions, best first, at most perTarget', () => {
    const ix = index();
    const [a] = ix.searchTargets(['موسكو', 'اجتماع'], 1);
    expect(a!.questionDocs.map((d) => ix.doc(d).terms.join(' '))).toEqual(['اجتماع موسكو', 'اجتماع']);
    expect(ix.searchTargets(['موسكو', 'اجتماع'], 1, undefined, 1)[0]!.questionDocs).toHaveLength(1);
  });

  it('starts each search afresh (nothing carried over from the one before)', () => {
    const ix = index();
    const first = ix.searchTargets(['دمشق'], 10);
    ix.searchTargets(['موسكو', 'اجتماع'], 10);
    expect(ix.searchTargets(['دمشق'], 10)).toEqual(first);
    expect(ix.searchTargets(['غير موجود'], 10)).toEqual([]);
  });
});

describe('Bm25Index term numbers', () => {
  it('numbers every indexed term once, and each document lists its distinct terms by number', () => {
    const ix = index();
    expect(ix.vocabularySize).toBe(4);
    const ids = ['موسكو', 'اجتماع', 'انقره', 'دمشق'].map((t) => ix.termId(t));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toBeGreaterThanOrEqual(0);
    expect(ix.termId('غير')).toBe(-1);
    for (let doc = 0; doc < ix.size; doc++) expect([...ix.uniqueTermIds(doc)]).toEqual(ix.uniqueTerms(doc).map((t) => ix.termId(t)));
    expect([...ix.uniqueTermIds(6)]).toEqual([ix.termId('اجتماع'), ix.termId('موسكو'), ix.termId('دمشق')]);
  });
});
