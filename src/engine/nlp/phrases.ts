/**
 * Longest-match phrase lookup over token sequences, tolerant of Arabic proclitics on the first word
 * («والأسد», «بموسكو», «لقسد», «للرئيس»).
 */

/** What a matched phrase stands for. */
export interface PhraseValue {
  readonly kind: 'entity' | 'meeting' | 'foreign' | 'qphrase' | 'concept' | 'framing' | 'smalltalk' | 'stop';
  readonly value: string;
}

/** A match found by {@link PhraseMatcher.matchAt}. */
export interface PhraseMatch extends PhraseValue {
  /** Number of tokens consumed. */
  readonly length: number;
}

const KIND_PRIORITY: Readonly<Record<PhraseValue['kind'], number>> = {
  entity: 6,
  meeting: 7,
  foreign: 5,
  qphrase: 4,
  smalltalk: 3,
  concept: 2,
  framing: 1,
  stop: 0,
};

/** Proclitic prefixes that may be glued to the first word of a phrase. */
const CLITICS = ['وبال', 'وال', 'بال', 'فال', 'كال', 'عال', 'ولل', 'لل', 'و', 'ب', 'ل', 'ف', 'ك', 'ع'] as const;

/**
 * Readings of a token with a leading proclitic removed, the token itself first.
 * @example
 * withoutClitics('والاسد'); // ['والاسد', 'اسد', 'الاسد', …]
 */
export function withoutClitics(token: string): string[] {
  const out = [token];
  for (const c of CLITICS) {
    if (token.startsWith(c) && token.length - c.length >= 2) {
      const rest = token.slice(c.length);
      out.push(rest);
      // «بالاسد» → «الاسد» as well as «اسد»; «للرييس» → «الرييس»
      if (c.endsWith('ال')) out.push(`ال${rest}`);
      if (c.endsWith('لل')) out.push(`ال${rest}`, `ل${rest}`);
    }
  }
  return [...new Set(out)];
}

/**
 * Two tokens of a name after its first are the same word, with or without the article: the
 * adjectives and nouns of a name take it together («وسائل إعلام روسية», «وسائل الإعلام الروسية»,
 * «هامش قمة إقليمية», «هامش القمة الإقليمية»). (Names of entities and meetings only: the aliases of
 * concepts spell out the forms they mean.)
 * @example
 * sameWord('الروسيه', 'روسيه'); // true
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length + 2) return b.length >= 3 && a.startsWith('ال') && a.endsWith(b);
  if (b.length === a.length + 2) return a.length >= 3 && b.startsWith('ال') && b.endsWith(a);
  return false;
}

/**
 * A dictionary of multi-word phrases (already normalized and tokenized) with longest-match lookup.
 * @example
 * const m = new PhraseMatcher();
 * m.add(['تشاووش', 'اوغلو'], { kind: 'entity', value: 'cavusoglu' });
 * m.matchAt(['وتشاووش', 'اوغلو', 'قال'], 0); // { kind: 'entity', value: 'cavusoglu', length: 2 }
 */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, { tokens: readonly string[]; value: PhraseValue }[]>();

  /** Adds a phrase; an existing identical phrase keeps the higher-priority kind. */
  add(tokens: readonly string[], value: PhraseValue): void {
    if (tokens.length === 0) return;
    const first = tokens[0] as string;
    const list = this.byFirst.get(first) ?? [];
    const same = list.findIndex((e) => e.tokens.length === tokens.length && e.tokens.every((t, i) => t === tokens[i]));
    if (same >= 0) {
      if (KIND_PRIORITY[value.kind] > KIND_PRIORITY[(list[same] as { value: PhraseValue }).value.kind]) list[same] = { tokens, value };
    } else {
      list.push({ tokens, value });
      list.sort((a, b) => b.tokens.length - a.tokens.length || KIND_PRIORITY[b.value.kind] - KIND_PRIORITY[a.value.kind]);
    }
    this.byFirst.set(first, list);
  }

  /**
   * The second words of the multi-word names (of the entities `entity` accepts) that start with this
   * exact token («نيد» → «برايس»).
   * @example
   * m.secondWords('نيد'); // ['برايس']
   */
  secondWords(token: string, entity: (id: string) => boolean = () => true): readonly string[] {
    return (this.byFirst.get(token) ?? []).filter((e) => e.value.kind === 'entity' && e.tokens.length >= 2 && entity(e.value.value)).map((e) => e.tokens[1] as string);
  }

  /** True when some phrase starts with this exact token. */
  hasFirst(token: string): boolean {
    return this.byFirst.has(token);
  }

  /** The longest phrase starting at `tokens[at]` (first token may carry a proclitic), or undefined. */
  matchAt(tokens: readonly string[], at: number): PhraseMatch | undefined {
    const head = tokens[at];
    if (head === undefined) return undefined;
    let best: PhraseMatch | undefined;
    for (const reading of withoutClitics(head)) {
      for (const entry of this.byFirst.get(reading) ?? []) {
        const n = entry.tokens.length;
        if (best && n < best.length) break;
        if (at + n > tokens.length) continue;
        let ok = true;
        for (let i = 1; i < n; i++) {
          const word = tokens[at + i] as string;
          const want = entry.tokens[i] as string;
          if (word !== want && !((entry.value.kind === 'entity' || entry.value.kind === 'meeting') && sameWord(word, want))) {
            ok = false;
            break;
          }
        }
        if (ok && (!best || n > best.length || (n === best.length && KIND_PRIORITY[entry.value.kind] > KIND_PRIORITY[best.kind]))) {
          best = { ...entry.value, length: n };
        }
      }
      if (reading !== head && best) break; // the bare token wins over clitic readings
    }
    return best;
  }
}
