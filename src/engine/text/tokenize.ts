/**
 * Tokenization of normalized text (see {@link normalizeArabic}).
 */

/**
 * Splits normalized text into word tokens: runs of letters and digits. Latin road names keep their
 * digits (`m-4`, `m 4` → `m4`); Arabic words stuck to digits are split (`ام4` → `ام`, `4`).
 * @example
 * tokenize('طريق m-4 في 2023?'); // ['طريق', 'm4', 'في', '2023']
 */
export function tokenize(normalized: string): string[] {
  const joined = normalized.replace(/\b([a-z])\s*-\s*(\d+)\b/g, '$1$2');
  const tokens: string[] = [];
  for (const m of joined.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    // split Arabic letters from digits/Latin inside one run (e.g. «ام4», «2023م»)
    for (const part of word.match(/[\u0600-\u06FF]+|[^\u0600-\u06FF]+/g) ?? []) tokens.push(part);
  }
  return tokens;
}

/** True for a token made of Arabic letters. */
export function isArabicToken(token: string): boolean {
  return /^[\u0600-\u06FF]+$/.test(token);
}

/** True for a token made of digits only. */
export function isNumberToken(token: string): boolean {
  return /^\d+$/.test(token);
}
