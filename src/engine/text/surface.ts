/**
 * The words of a question as the asker wrote them, for replies that name what they asked about.
 */
import { normalizeArabic } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/**
 * The words of `text` whose normalized tokens are `phrase` (itself normalized), as written there;
 * `phrase` when they are not found word for word.
 * @example
 * surfaceOf('رييس المخابرات الايراني', 'من هو رئيس المخابرات الإيراني؟'); // 'رئيس المخابرات الإيراني'
 */
export function surfaceOf(phrase: string, text: string): string {
  const want = tokenize(normalizeArabic(phrase));
  if (want.length === 0) return phrase;
  const words: string[] = [];
  const flat: { readonly token: string; readonly word: number }[] = [];
  for (const m of text.normalize('NFKC').matchAll(/[\p{L}\p{M}\p{N}\u0640]+/gu)) {
    for (const token of tokenize(normalizeArabic(m[0]))) flat.push({ token, word: words.length });
    words.push(m[0]);
  }
  for (let i = 0; i + want.length <= flat.length; i++) {
    if (want.every((t, k) => flat[i + k]?.token === t)) {
      const first = (flat[i] as { word: number }).word;
      const last = (flat[i + want.length - 1] as { word: number }).word;
      return words.slice(first, last + 1).join(' ');
    }
  }
  return phrase;
}
