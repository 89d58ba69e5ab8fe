/**
 * Arabizi: Arabic typed in Latin letters and digits («meen 7ader el ejtima3», «chnou dar f moscou»).
 * A word is read back into Arabic letters by trying, letter by letter, the Arabic letters each Latin
 * letter or digit stands for (3 → ع, 7 → ح, 2 → ء/ق, sh/ch → ش, t → ت/ط/ث, short vowels written or
 * not…), keeping only spellings that begin a word the knowledge base knows; of the known words found,
 * the most frequent wins. Everything here works on normalized Arabic (see `normalizeArabic`).
 */

/** What each Latin letter, digraph or digit may stand for, in normalized Arabic ('' = not written). */
const DIGRAPHS: Readonly<Record<string, readonly string[]>> = {
  sh: ['ش'],
  ch: ['ش'],
  kh: ['خ'],
  gh: ['غ'],
  th: ['ث', 'ت'],
  dh: ['ذ', 'ض', 'د'],
  ou: ['و', ''],
  oo: ['و'],
  ee: ['ي'],
  ii: ['ي'],
  aa: ['ا'],
  ei: ['ي', 'اي'],
  ai: ['اي', 'ي'],
  ay: ['اي', 'ي'],
};
const LETTERS: Readonly<Record<string, readonly string[]>> = {
  b: ['ب'],
  c: ['ك', 'س'],
  d: ['د', 'ض'],
  f: ['ف'],
  g: ['ج', 'ق', 'غ'],
  h: ['ه', 'ح'],
  j: ['ج'],
  k: ['ك', 'ق'],
  l: ['ل'],
  m: ['م'],
  n: ['ن'],
  p: ['ب'],
  q: ['ق'],
  r: ['ر'],
  s: ['س', 'ص'],
  t: ['ت', 'ط', 'ث'],
  v: ['ف'],
  w: ['و'],
  x: ['كس'],
  y: ['ي'],
  z: ['ز', 'ظ'],
  // (a hamza is dropped or seated on ي by normalization; in Levantine it is also a spoken ق)
  '2': ['', 'ق', 'ي', 'ا'],
  '3': ['ع'],
  '5': ['خ'],
  '6': ['ط'],
  '7': ['ح'],
  '8': ['غ', 'ق'],
  '9': ['ق', 'ص'],
  a: ['', 'ا'],
  e: ['', 'ي', 'ا'],
  i: ['ي', ''],
  o: ['و', ''],
  u: ['و', ''],
};
/** Vowels at the start of a word (an alef carries them) and at its end (a long vowel or «ة»). */
const FIRST: Readonly<Record<string, readonly string[]>> = { a: ['ا', 'ع'], e: ['ا', 'ي'], i: ['ا', 'ي'], o: ['ا', 'و'], u: ['ا', 'و'] };
const LAST: Readonly<Record<string, readonly string[]>> = { a: ['ا', 'ه', ''], e: ['ه', 'ي', ''], i: ['ي'], o: ['و'], u: ['و'] };

/** A digit written among Latin letters as an Arabic letter («7ader», «ma3», «2al»). */
const ARABIZI_DIGIT = /[a-z][235679]|[235679][a-z]/;

/** Words that start or mark a question typed in Arabizi. */
const ARABIZI_CUES = new Set([
  'shu', 'sho', 'shou', 'chou', 'chnou', 'chno', 'chkoun', 'shkoun', 'meen', 'min', 'mnu', 'emta', 'imta', 'amta', 'wein', 'wen', 'win',
  'lesh', 'leish', 'lish', 'laysh', '3lash', 'kif', 'keef', 'kifach', 'kifash', 'wach', 'wesh', 'ades', 'adesh', 'addeh', 'kam', 'eish', 'esh',
  'ya3ni', 'ba3den', 'hal', 'elli', 'illi', 'yalli', 'lli', 'bel', 'fel', 'wel', 'ma3', 'mi3', 'rah', 'ra7', 'bdo', 'bdha', 'bado', 'fi', 'bi',
]);

/**
 * Whether a message is typed in Arabizi: a digit used as a letter, two of its words that only
 * Arabizi has, or one of them with two more Latin words that are not English (`isEnglish`).
 * @example
 * looksArabizi(['meen', '7ader', 'el', 'ejtima3'], isEnglish); // true
 * looksArabizi(['chnou', 'dar', 'f', 'moscou', 'nhar', 'sebt'], isEnglish); // true
 * looksArabizi(['who', 'attended', 'the', 'meeting'], isEnglish); // false
 */
export function looksArabizi(tokens: readonly string[], isEnglish: (token: string) => boolean): boolean {
  // (not an English ordinal: "the 3rd meeting")
  if (tokens.some((t) => ARABIZI_DIGIT.test(t) && !/^\d+(st|nd|rd|th)$/.test(t))) return true;
  const cues = tokens.filter((t) => ARABIZI_CUES.has(t)).length;
  if (cues >= 2) return true;
  return cues === 1 && tokens.filter((t) => /^[a-z]+$/.test(t) && !ARABIZI_CUES.has(t) && !isEnglish(t)).length >= 2;
}

/** How many spellings of one word are tried at most (the known-prefix check keeps it far below). */
const MAX_PARTIALS = 4000;

/**
 * The Arabic words a Latin word may spell, among those `isPrefix` allows as it grows, that `isWord`
 * accepts; in the order found.
 * @example
 * arabiziReadings('7ader', (p) => vocab.hasPrefix(p), (w) => vocab.has(w)); // ['حاضر', …]
 */
export function arabiziReadings(word: string, isPrefix: (partial: string) => boolean, isWord: (candidate: string) => boolean): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z0-9]{2,20}$/.test(w) || !/[a-z]/.test(w)) return [];
  // the word as pieces, each with what it may stand for
  const pieces: (readonly string[])[] = [];
  for (let i = 0; i < w.length; ) {
    const two = w.slice(i, i + 2);
    const double = two.length === 2 && two[0] === two[1] && LETTERS[two[0] as string] && !'aeiou'.includes(two[0] as string);
    if (DIGRAPHS[two]) {
      pieces.push(DIGRAPHS[two] as readonly string[]);
      i += 2;
    } else if (double) {
      // a doubled consonant is one letter with a shadda
      pieces.push(LETTERS[two[0] as string] as readonly string[]);
      i += 2;
    } else {
      const c = w[i] as string;
      const last = i === w.length - 1;
      const options = i === 0 ? (FIRST[c] ?? LETTERS[c]) : last ? (LAST[c] ?? LETTERS[c]) : LETTERS[c];
      if (!options) return [];
      pieces.push(options);
      i += 1;
    }
  }
  const found: string[] = [];
  let partials = 0;
  const visit = (at: number, partial: string): void => {
    if (partials++ > MAX_PARTIALS) return;
    if (at === pieces.length) {
      if (partial && isWord(partial) && !found.includes(partial)) found.push(partial);
      return;
    }
    for (const option of pieces[at] as readonly string[]) {
      const next = partial + option;
      if (next === '' || isPrefix(next)) visit(at + 1, next);
    }
  };
  visit(0, '');
  return found;
}
