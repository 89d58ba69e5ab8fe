import { describe, expect, it } from 'vitest';
import { Stemmer, lightStem, stemCandidates } from '../../../src/engine/text/stem.ts';
import { tokenize } from '../../../src/engine/text/tokenize.ts';

describe('lightStem', () => {
  it('strips the article family and suffixes', () => {
    expect(lightStem('والسوريين')).toBe('سور');
    expect(lightStem('المباحثات')).toBe('مباحث');
    expect(lightStem('اللاجيين')).toBe(lightStem('لاجي'));
    expect(lightStem('الانتخابات')).toBe('انتخاب');
  });
  it('keeps words whose first letters are the root («ألفي» is not ال + في)', () => {
    expect(lightStem('الفي')).toBe('الف');
  });
  it('leaves Latin and digits alone', () => {
    expect(lightStem('m4')).toBe('m4');
    expect(lightStem('2022')).toBe('2022');
  });
});

describe('Stemmer (vocabulary-aware proclitics)', () => {
  const s = new Stemmer(new Map([['دمشق', 9], ['وزير', 20], ['اكد', 5]]));
  it('strips a proclitic when the knowledge base knows the rest', () => {
    expect(s.stem('ودمشق')).toBe('دمشق');
    expect(s.stem('واكد')).toBe('اكد');
  });
  it('keeps a root و', () => {
    expect(s.stem('وزير')).toBe('وزير');
  });
  it('lists readings', () => {
    expect(stemCandidates('ودمشق')).toContain('دمشق');
  });
});

describe('tokenize', () => {
  it('joins Latin road names and splits digits from Arabic', () => {
    expect(tokenize('طريق m-4 ب28 كانون')).toEqual(['طريق', 'm4', 'ب', '28', 'كانون']);
  });
});
