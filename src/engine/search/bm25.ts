/**
 * A small BM25 inverted index. Documents are bags of terms with a field weight; a query's cost is
 * proportional to the postings of its own terms, so it stays sublinear in the number of documents.
 */

/** One indexed document. */
export interface IndexedDoc {
  /** What the document stands for (`fact:…`, `meeting:…`, `entity:…`). */
  readonly target: string;
  /** The document's field: curated question, answer text, quotes, or a name card. */
  readonly field: 'q' | 'text' | 'quote' | 'name';
  readonly terms: readonly string[];
}

/** BM25 parameters and per-field weights. */
export interface Bm25Options {
  readonly k1: number;
  readonly b: number;
  readonly fieldWeight: Readonly<Record<IndexedDoc['field'], number>>;
}

export const DEFAULT_BM25: Bm25Options = {
  k1: 1.2,
  b: 0.5,
  fieldWeight: { q: 1, name: 1, text: 0.85, quote: 0.6 },
};

/**
 * @example
 * const index = new Bm25Index();
 * index.add({ target: 'fact:a', field: 'text', terms: ['اجتماع', 'رباعي'] });
 * index.build();
 * index.search(['رباعي']); // Map { 0 => 0.9… }
 */
export class Bm25Index {
  private readonly docs: IndexedDoc[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private avgLength = new Map<IndexedDoc['field'], number>();
  private idfCache = new Map<string, number>();
  private maxIdfValue = 0;
  private scores = new Float64Array(0);

  constructor(private readonly options: Bm25Options = DEFAULT_BM25) {}

  /** Adds a document and returns its number. */
  add(doc: IndexedDoc): number {
    const id = this.docs.length;
    this.docs.push(doc);
    this.lengths.push(doc.terms.length);
    const tf = new Map<string, number>();
    for (const t of doc.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc: id, tf: n });
      this.postings.set(term, list);
    }
    return id;
  }

  /** Computes IDF and average lengths; call once after adding documents. */
  build(): void {
    const n = this.docs.length;
    const sums = new Map<IndexedDoc['field'], [number, number]>();
    this.docs.forEach((d, i) => {
      const s = sums.get(d.field) ?? [0, 0];
      s[0] += this.lengths[i] as number;
      s[1] += 1;
      sums.set(d.field, s);
    });
    this.avgLength = new Map([...sums].map(([f, [total, count]]) => [f, total / Math.max(1, count)]));
    this.idfCache = new Map();
    for (const [term, list] of this.postings) {
      this.idfCache.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    }
    this.maxIdfValue = Math.log(1 + (n + 0.5) / 0.5);
    this.scores = new Float64Array(n);
  }

  /** Inverse document frequency; terms absent from the index get the maximum. */
  idf(term: string): number {
    return this.idfCache.get(term) ?? this.maxIdfValue;
  }

  /** The IDF an absent term would have. */
  get maxIdf(): number {
    return this.maxIdfValue;
  }

  /** Number of documents containing the term. */
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** The document with this number. */
  doc(id: number): IndexedDoc {
    return this.docs[id] as IndexedDoc;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * Scores every document that shares a term with the query; returns doc number → weighted BM25.
   * @param weights optional per-term query weights (default 1)
   */
  search(terms: readonly string[], weights?: ReadonlyMap<string, number>): Map<number, number> {
    const { k1, b, fieldWeight } = this.options;
    const touched: number[] = [];
    const scores = this.scores;
    for (const term of new Set(terms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * (weights?.get(term) ?? 1);
      for (const { doc, tf } of list) {
        const d = this.docs[doc] as IndexedDoc;
        const norm = 1 - b + (b * (this.lengths[doc] as number)) / (this.avgLength.get(d.field) ?? 1);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + idf * ((tf * (k1 + 1)) / (tf + k1 * norm)) * fieldWeight[d.field];
      }
    }
    const out = new Map<number, number>();
    for (const doc of touched) {
      out.set(doc, scores[doc] as number);
      scores[doc] = 0;
    }
    return out;
  }
}
