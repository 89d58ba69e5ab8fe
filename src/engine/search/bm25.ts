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
  /**
   * At most this many postings are scanned per query term, highest impact first. Very common terms
   * carry little IDF, so capping them keeps a query's cost bounded as the knowledge base grows
   * (sublinear), without changing results on small bases.
   */
  readonly maxPostingsPerTerm: number;
}

export const DEFAULT_BM25: Bm25Options = {
  k1: 1.2,
  b: 0.5,
  fieldWeight: { q: 1, name: 1, text: 0.85, quote: 0.6 },
  maxPostingsPerTerm: 3000,
};

/** A target found by {@link Bm25Index.searchTargets}: its best document score and its touched curated questions. */
export interface TargetHit {
  readonly target: string;
  readonly score: number;
  /** Curated-question documents of this target that share a term with the query, best first. */
  readonly questionDocs: readonly number[];
}

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
  private readonly targetIds = new Map<string, number>();
  private readonly targetNames: string[] = [];
  private docTarget = new Int32Array(0);
  private docIsQuestion = new Uint8Array(0);
  private targetBest = new Float64Array(0);
  private touched: number[] = [];
  private readonly seenTerms = new Set<string>();
  private targetScratch: number[] = [];
  private targetRank = new Int32Array(0);
  private readonly postings = new Map<string, { doc: number; tf: number; impact: number }[]>();
  private avgLength = new Map<IndexedDoc['field'], number>();
  private idfCache = new Map<string, number>();
  private maxIdfValue = 0;
  private unique: (readonly string[] | undefined)[] = [];
  private uniqueIds: (Int32Array | undefined)[] = [];
  private termIds = new Map<string, number>();
  private scores = new Float64Array(0);

  constructor(private readonly options: Bm25Options = DEFAULT_BM25) {}

  /** Adds a document and returns its number. */
  add(doc: IndexedDoc): number {
    const id = this.docs.length;
    this.docs.push(doc);
    if (!this.targetIds.has(doc.target)) {
      this.targetIds.set(doc.target, this.targetNames.length);
      this.targetNames.push(doc.target);
    }
    this.lengths.push(doc.terms.length);
    const tf = new Map<string, number>();
    for (const t of doc.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc: id, tf: n, impact: 0 });
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
    this.termIds = new Map();
    this.uniqueIds = [];
    const { k1, b, fieldWeight } = this.options;
    for (const [term, list] of this.postings) {
      this.termIds.set(term, this.termIds.size);
      this.idfCache.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
      // precompute each posting's term-frequency part of BM25, and order by it (impact order)
      for (const p of list) {
        const d = this.docs[p.doc] as IndexedDoc;
        const norm = 1 - b + (b * (this.lengths[p.doc] as number)) / (this.avgLength.get(d.field) ?? 1);
        p.impact = ((p.tf * (k1 + 1)) / (p.tf + k1 * norm)) * fieldWeight[d.field];
      }
      if (list.length > this.options.maxPostingsPerTerm) list.sort((x, y) => y.impact - x.impact);
    }
    this.maxIdfValue = Math.log(1 + (n + 0.5) / 0.5);
    this.scores = new Float64Array(n);
    this.docTarget = Int32Array.from(this.docs, (d) => this.targetIds.get(d.target) as number);
    this.docIsQuestion = Uint8Array.from(this.docs, (d) => (d.field === 'q' ? 1 : 0));
    this.targetBest = new Float64Array(this.targetNames.length);
    this.targetRank = new Int32Array(this.targetNames.length).fill(-1);
    this.touched = [];
  }

  /** Inverse document frequency; terms absent from the index get the maximum. */
  idf(term: string): number {
    return this.idfCache.get(term) ?? this.maxIdfValue;
  }

  /** The IDF an absent term would have. */
  get maxIdf(): number {
    return this.maxIdfValue;
  }

  /**
   * The term's number (0 … vocabularySize − 1) once built; -1 for a term no document contains.
   * @example
   * const id = index.termId('اجتماع'); // ≥ 0
   */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  /** How many distinct terms the documents contain (term numbers run from 0 to this − 1). */
  get vocabularySize(): number {
    return this.termIds.size;
  }

  /** Number of documents containing the term. */
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** The document with this number. */
  doc(id: number): IndexedDoc {
    return this.docs[id] as IndexedDoc;
  }

  /**
   * The document's distinct terms, in first-occurrence order (computed once per document, on demand).
   * @example
   * for (const t of index.uniqueTerms(3)) overlap += weight(t);
   */
  uniqueTerms(id: number): readonly string[] {
    let terms = this.unique[id];
    if (terms === undefined) {
      terms = [...new Set((this.docs[id] as IndexedDoc).terms)];
      this.unique[id] = terms;
    }
    return terms;
  }

  /**
   * The numbers of the document's distinct terms, in the order of `uniqueTerms` (computed once per
   * document, on demand): for loops that weigh a document's terms by array index, not by hashing.
   * @example
   * for (const id of index.uniqueTermIds(3)) overlap += weightById[id];
   */
  uniqueTermIds(id: number): Int32Array {
    let ids = this.uniqueIds[id];
    if (ids === undefined) {
      ids = Int32Array.from(this.uniqueTerms(id), (t) => this.termId(t));
      this.uniqueIds[id] = ids;
    }
    return ids;
  }

  get size(): number {
    return this.docs.length;
  }

  /** Accumulates BM25 scores into `this.scores` for the docs in `this.touched` (previous scores cleared). */
  private accumulate(terms: readonly string[], weights?: ReadonlyMap<string, number>): void {
    const scores = this.scores;
    // (the same arrays every call: a search allocates next to nothing, which keeps the garbage
    // collector's pauses out of the latency of most answers)
    const touched = this.touched;
    for (let i = 0; i < touched.length; i++) scores[touched[i] as number] = 0;
    touched.length = 0;
    const cap = this.options.maxPostingsPerTerm;
    const seen = this.seenTerms;
    seen.clear();
    for (const term of terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * (weights?.get(term) ?? 1);
      const end = Math.min(list.length, cap);
      for (let i = 0; i < end; i++) {
        const { doc, impact } = list[i] as { doc: number; impact: number };
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + idf * impact;
      }
    }
  }

  /**
   * Scores every document that shares a term with the query; returns doc number → weighted BM25.
   * @param weights optional per-term query weights (default 1)
   */
  search(terms: readonly string[], weights?: ReadonlyMap<string, number>): Map<number, number> {
    this.accumulate(terms, weights);
    return new Map(this.touched.map((doc) => [doc, this.scores[doc] as number]));
  }

  /**
   * The `k` targets whose best document scores highest, with each one's touched curated questions
   * (at most `perTarget`, best first). Integer bookkeeping only: cost follows the postings scanned.
   */
  searchTargets(terms: readonly string[], k: number, weights?: ReadonlyMap<string, number>, perTarget = 8): TargetHit[] {
    this.accumulate(terms, weights);
    const scores = this.scores;
    const best = this.targetBest;
    const rank = this.targetRank;
    const targets = this.targetScratch;
    targets.length = 0;
    const touched = this.touched;
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i] as number;
      const t = this.docTarget[doc] as number;
      const s = scores[doc] as number;
      if (best[t] === 0) targets.push(t);
      if (s > (best[t] as number)) best[t] = s;
    }
    // the top k targets by best score, ties in the order first touched (a stable selection, without
    // sorting every target touched)
    const top: number[] = [];
    for (const t of targets) insertStable(top, t, best[t] as number, (x) => best[x] as number, k);
    for (let i = 0; i < top.length; i++) rank[top[i] as number] = i;
    // each one's curated questions, best first, ties in touched order, at most perTarget
    const questions: number[][] = top.map(() => []);
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i] as number;
      if (this.docIsQuestion[doc] !== 1) continue;
      const r = rank[this.docTarget[doc] as number] as number;
      if (r >= 0) insertStable(questions[r] as number[], doc, scores[doc] as number, (d) => scores[d] as number, perTarget);
    }
    const hits = top.map((t, i) => ({ target: this.targetNames[t] as string, score: best[t] as number, questionDocs: questions[i] as number[] }));
    for (const t of targets) best[t] = 0;
    for (const t of top) rank[t] = -1;
    return hits;
  }
}

/**
 * Inserts `item` into `list` (kept in descending `key` order) after every element whose key is at
 * least its own, so that equal keys keep their insertion order (as a stable sort would), and drops
 * what falls beyond `limit`.
 */
function insertStable(list: number[], item: number, key: number, keyOf: (x: number) => number, limit: number): void {
  let at = list.length;
  while (at > 0 && keyOf(list[at - 1] as number) < key) at -= 1;
  if (at >= limit) return;
  // (shifted by hand: `splice` would allocate the array of what it removes)
  if (list.length < limit) list.push(item);
  for (let i = list.length - 1; i > at; i--) list[i] = list[i - 1] as number;
  list[at] = item;
}
