/**
 * A light Arabic stemmer (in the spirit of Larkey's light10) with vocabulary-aware proclitic
 * resolution.
 *
 * Light stemming strips the article family (ال، وال، بال، كال، فال، لل) and common suffixes
 * (ها، هم، ان، ات، ون، ين، وا، يه، ه، ي). Leading و ف ب ل ك are ambiguous in Arabic: they are
 * proclitics in «ودمشق» and root letters in «وزير». {@link stemCandidates} lists the readings and
 * {@link Stemmer} picks the one the knowledge base actually uses most (a reading unseen in the
 * knowledge base never wins over a seen one), so both sides of the match stem the same way.
 *
 * Input tokens must already be normalized ({@link normalizeArabic}): ة is ه here.
 */

const ARTICLE_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'ال'] as const;
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'س'] as const;
const SUFFIXES = ['هما', 'ها', 'هم', 'كم', 'نا', 'ان', 'ات', 'ون', 'ين', 'وا', 'يه', 'ه', 'ي'] as const;
/** The alef of the accusative tanween («لاجئًا», «جنديًا», «علنا»), stripped from words of 5+ letters. */
const TANWEEN_ALEF = 'ا';
const MIN_STEM = 3;

function stripArticle(word: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) return word.slice(p.length);
  }
  // «للاجئين» = ل + (ا)ل + لاجئين: the alef of the article is dropped after the preposition
  if (word.startsWith('لل') && word.length >= 5) return word.slice(2);
  return word;
}

function stripSuffixes(word: string): string {
  let w = word.length >= 5 && word.endsWith(TANWEEN_ALEF) && !word.endsWith('وا') ? word.slice(0, -1) : word;
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= MIN_STEM) w = w.slice(0, -s.length);
  }
  // the feminine past of verbs («سحقت», «رفضت», «استقبلت»), on words of 4+ letters
  if (w.length >= 4 && w.endsWith('ت')) w = w.slice(0, -1);
  return w;
}

/**
 * The plain light stem of one normalized Arabic token (no vocabulary).
 * @example
 * lightStem('والسوريين'); // 'سور'
 * lightStem('المباحثات'); // 'مباحث'
 */
export function lightStem(token: string): string {
  if (!/^[\u0600-\u06FF]+$/.test(token)) return token;
  return stripSuffixes(stripArticle(token));
}

/**
 * All plausible stems of a token, the plain light stem first, then readings with one leading
 * proclitic removed (و ف ب ل ك س), and «لل» read as ل + ال.
 * @example
 * stemCandidates('ودمشق'); // ['ودمشق', 'دمشق']
 */
export function stemCandidates(token: string): string[] {
  const out = [lightStem(token)];
  if (!/^[\u0600-\u06FF]+$/.test(token)) return out;
  const first = token[0] as string;
  if ((PROCLITICS as readonly string[]).includes(first) && token.length >= 4) {
    const rest = token.slice(1);
    out.push(lightStem(rest));
    if (first === 'ل' && rest.startsWith('ل')) out.push(stripSuffixes(rest));
  }
  // «لل…» read as ل + ال + word whose first letter is ل (للاجئين → لاجئين)
  if (token.startsWith('لل') && token.length >= 5) out.push(stripSuffixes(token.slice(1)));
  // Levantine «ـو» for «ـه» / «ـوا»: «موقعو», «اسمو», «يطالبو» (the knowledge base decides)
  if (token.endsWith('و') && token.length >= 5) out.push(lightStem(token.slice(0, -1)));
  // imperfect verbs: «نتقدم» ~ «تقدم» (the knowledge base decides which reading is a word)
  if (/^[نيت]/.test(token) && token.length >= 5) out.push(lightStem(token.slice(1)));
  // dialect verb prefixes before an imperfect verb: «هيلتقي», «حيجتمعوا», «بيحكي», «عم يبحثوا» → يلتقي…
  if (/^(ه|ح|ب|رح|را)[يتن]/.test(token) && token.length >= 5) out.push(lightStem(token.replace(/^(رح|را|ه|ح|ب)/, '')));
  return [...new Set(out)];
}

/**
 * Stems tokens consistently with a vocabulary of plain light stems and their frequencies
 * (built from the knowledge base).
 * @example
 * const s = new Stemmer(new Map([['دمشق', 9], ['وزير', 20]]));
 * s.stem('ودمشق'); // 'دمشق'
 * s.stem('وزير');  // 'وزير'
 */
export class Stemmer {
  private readonly cache = new Map<string, string>();

  /** @param frequencies plain light stem → how often the knowledge base uses it */
  constructor(private readonly frequencies: ReadonlyMap<string, number>) {}

  /** Stems one normalized token. */
  stem(token: string): string {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    // «ويخطط», «فتقول»: و/ف before an imperfect verb is the conjunction
    if (/^[وف][يتن]/.test(token) && token.length >= 5) {
      const bare = this.stem(token.slice(1));
      this.cache.set(token, bare);
      return bare;
    }
    const candidates = stemCandidates(token);
    let best = candidates[0] as string;
    let bestFreq = this.frequencies.get(best) ?? 0;
    for (const c of candidates.slice(1)) {
      const f = this.frequencies.get(c) ?? 0;
      if (c.length >= 2 && f > bestFreq) {
        best = c;
        bestFreq = f;
      }
    }
    if (this.cache.size < 50_000) this.cache.set(token, best);
    return best;
  }

  /** True when the stem occurs in the vocabulary. */
  knows(stem: string): boolean {
    return this.frequencies.has(stem);
  }
}
