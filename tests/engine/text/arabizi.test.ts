import { describe, expect, it } from 'vitest';
import { arabiziReadings, looksArabizi } from '../../../src/engine/text/arabizi.ts';

const vocab = new Set(['حاضر', 'ثلاثي', 'الاجتماع', 'موسكو', 'تركيا', 'لاجيين', 'قال', 'كان', 'كن']);
const prefixes = new Set([...vocab].flatMap((w) => Array.from({ length: w.length }, (_, n) => w.slice(0, n + 1))));
const read = (word: string) => arabiziReadings(word, (p) => prefixes.has(p) || prefixes.has(`ال${p}`), (w) => vocab.has(w) || vocab.has(`ال${w}`));
const english = new Set(['who', 'attended', 'the', 'meeting', 'in', 'moscow', 'on', 'what', 'happened']);
const isEnglish = (t: string) => english.has(t);

describe('looksArabizi', () => {
  it('sees a digit used as a letter, or Arabizi words', () => {
    expect(looksArabizi(['meen', '7ader', 'el', 'ejtima3'], isEnglish)).toBe(true);
    expect(looksArabizi(['shu', 'sar', 'bi', 'moscow'], isEnglish)).toBe(true);
    expect(looksArabizi(['chnou', 'dar', 'f', 'moscou', 'nhar', 'sebt'], isEnglish)).toBe(true);
  });

  it('leaves English alone, ordinals and names with digits included', () => {
    expect(looksArabizi(['who', 'attended', 'the', 'meeting', 'in', 'moscow'], isEnglish)).toBe(false);
    expect(looksArabizi(['what', 'happened', 'on', 'the', '3rd'], isEnglish)).toBe(false);
    expect(looksArabizi(['m4', 'highway'], isEnglish)).toBe(false);
  });
});

describe('arabiziReadings', () => {
  it('reads digits, digraphs, short vowels and doubled letters as the Arabic words they spell', () => {
    expect(read('7ader')).toEqual(['حاضر']);
    expect(read('tolathi')).toEqual(['ثلاثي']);
    expect(read('ejtima3')).toEqual(['اجتماع']);
    expect(read('moscou')).toEqual(['موسكو']);
    expect(read('torkia')).toEqual(['تركيا']);
    expect(read('laje2in')).toEqual(['لاجيين']);
    expect(read('2al')).toEqual(['قال']);
  });

  it('offers every known word a spelling may be, and none for what is not Arabizi', () => {
    expect(read('kan')).toEqual(expect.arrayContaining(['كان', 'كن']));
    expect(read('xyz')).toEqual([]);
    expect(read('a')).toEqual([]);
    expect(read('hello-world')).toEqual([]);
  });
});
