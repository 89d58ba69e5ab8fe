/**
 * Arabic text normalization, applied identically to the knowledge base and to questions.
 *
 * Steps: NFKC; drop bidi/zero-width control characters and NULs; drop diacritics
 * (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED) and tatweel; unify alef forms (أ إ آ ٱ → ا),
 * ى → ي, ة → ه, ؤ → و, ئ → ي, a hamza on the line inside a
 * word before ي/و as that letter («رءيس» → «رييس»), otherwise drop ء; Persian/Urdu letters
 * (ک ی گ چ پ ڤ) → Arabic; Arabic-Indic and Persian digits → 0–9; Arabic punctuation ؟ ، ؛ → ? , ;;
 * lower-case Latin; collapse whitespace.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

const LETTER_MAP: Readonly<Record<string, string>> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ئ': 'ي',
  'ء': '',
  'ک': 'ك',
  'ی': 'ي',
  'ې': 'ي',
  'گ': 'غ',
  'چ': 'ج',
  'پ': 'ب',
  'ڤ': 'ف',
  'ۀ': 'ه',
  'ہ': 'ه',
  'ھ': 'ه',
  '؟': '?',
  '،': ',',
  '؛': ';',
  '٪': '%',
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/**
 * Normalizes Arabic (and mixed) text for matching. Idempotent.
 * @example
 * normalizeArabic('وزيرُ الدفاعِ الروسيّة إِلى ٢٠٢٣؟'); // 'وزير الدفاع الروسيه الي 2023?'
 */
export function normalizeArabic(input: string): string {
  // (words and short phrases repeat: the lexicon's thousands of entries at start, the tokens of questions)
  if (input.length > MEMO_MAX_LENGTH) return normalizeUncached(input);
  let out = memo.get(input);
  if (out === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    out = normalizeUncached(input);
    memo.set(input, out);
  }
  return out;
}

const MEMO_MAX_LENGTH = 48;
const MEMO_MAX_ENTRIES = 50_000;
const memo = new Map<string, string>();

function normalizeUncached(input: string): string {
  return input
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    // a hamza on the line written for «ئ»/«ؤ» before «ي»/«و» («رءيس», «مسءول») is that seat
    .replace(/(?<=[\u0621-\u064A])ء(?=[يو])/g, (_, offset: number, text: string) => text[offset + 1] as string)
    .replace(LETTERS, (c) => LETTER_MAP[c] ?? c)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Collapses whitespace only: the comparison used to verify that a quote is verbatim in its article.
 * @example
 * normalizeWhitespace(' a \n b '); // 'a b'
 */
export function normalizeWhitespace(input: string): string {
  return input.replace(/\s+/g, ' ').trim();
}

/** True when the text contains at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return /[\u0621-\u064A\u0671-\u06D3]/.test(text);
}

/**
 * Share of letters that are Arabic (0 when there are no letters).
 * @example
 * arabicShare('من هو Akar'); // 0.5
 */
export function arabicShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const arabic = text.match(/[\u0600-\u06FF]/g) ?? [];
  return arabic.length / letters.length;
}
