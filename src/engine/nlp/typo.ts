/**
 * Typo correction against the knowledge base's own vocabulary: a bounded Damerau–Levenshtein
 * distance (1 edit for words of 7–8 letters, 2 from 9), most frequent candidate first. Shorter
 * words are left alone: «قاتلت» is a real word the knowledge base lacks, not a typo of «قالت».
 */

/**
 * Optimal-string-alignment distance between a and b, or `max + 1` as soon as it exceeds `max`.
 * @example
 * editDistance('شويجو', 'شويغو', 2); // 1
 */
/** Words shorter than this are never corrected. */
export const MIN_TYPO_LENGTH = 7;

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/**
 * Finds the closest known word for a misspelt one.
 * @example
 * const c = new TypoCorrector(new Map([['الاجتماع', 40]]));
 * c.correct('الاجتماغ'); // 'الاجتماع'
 */
export class TypoCorrector {
  private readonly byLength = new Map<number, { word: string; freq: number }[]>();

  /** @param vocabulary known surface words → frequency */
  constructor(vocabulary: ReadonlyMap<string, number>) {
    for (const [word, freq] of vocabulary) {
      if (word.length < 4) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push({ word, freq });
      this.byLength.set(word.length, list);
    }
    for (const list of this.byLength.values()) list.sort((x, y) => y.freq - x.freq);
  }

  /**
   * The best correction, or undefined when nothing is close enough. Fewest edits first; among equals,
   * a letter left out (the commonest slip: «السورين» → «السوريين», «الاجئين» → «اللاجئين») before a
   * letter changed, then the most frequent word.
   */
  correct(word: string): string | undefined {
    if (word.length < MIN_TYPO_LENGTH) return undefined;
    const max = word.length >= 9 ? 2 : 1;
    const heads = new Set([firstLetter(word)]);
    // «الاجئين»: the article's «ل» and the word's own «ل» written once
    if (word.startsWith('ال') && word[2] !== 'ل') heads.add('ل');
    // (a letter left out inside the word: a missing last letter often makes another word, «المقابل»;
    // then a key next to the right one: «المتحدص» is «المتحدث», ص beside ث, not «المتحده»)
    const kind = (cand: string) => (cand.length === word.length + 1 && cand.slice(0, -1) !== word ? 0 : cand.length === word.length && nextKey(word, cand) ? 0.5 : 1);
    let best: { word: string; freq: number; d: number; kind: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      // the best kind a word of this length can have: a less frequent word can still win on kind, so
      // stop early only when nothing later in the list can beat the best
      const bestKindHere = len === word.length + 1 ? 0 : len === word.length ? 0.5 : 1;
      for (const cand of this.byLength.get(len) ?? []) {
        const k = kind(cand.word);
        if (best && cand.freq < best.freq && best.d <= 1 && best.kind <= bestKindHere) break;
        if (!heads.has(firstLetter(cand.word))) continue;
        const d = editDistance(word, cand.word, max);
        if (d > max) continue;
        if (!best || d < best.d || (d === best.d && (k < best.kind || (k === best.kind && cand.freq > best.freq)))) best = { ...cand, d, kind: k };
      }
    }
    return best?.word;
  }
}

/** The rows of the Arabic keyboard: a slip hits the key beside the right one. */
const KEY_ROWS = ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ءؤرىةوزظ'];
const NEIGHBOURS = new Map<string, string>();
for (const row of KEY_ROWS) for (let i = 0; i < row.length; i++) NEIGHBOURS.set(row[i] as string, `${row[i - 1] ?? ''}${row[i + 1] ?? ''}`);

/**
 * True when two words of the same length differ in one letter, and the two letters are keyboard neighbours.
 * @example
 * nextKey('دمشف', 'دمشق'); // true: «ف» is next to «ق»
 */
export function nextKey(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && (NEIGHBOURS.get(a[at] as string) ?? '').includes(b[at] as string);
}

function firstLetter(word: string): string {
  const bare = word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
  return bare[0] ?? '';
}
