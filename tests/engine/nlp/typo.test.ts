import { describe, expect, it } from 'vitest';
import { TypoCorrector, editDistance } from '../../../src/engine/nlp/typo.ts';

describe('TypoCorrector', () => {
  const corrector = new TypoCorrector(
    new Map([
      ['السوريين', 2],
      ['الثورين', 9],
      ['اللاجيين', 3],
      ['المقابله', 5],
      ['الاجتماع', 40],
    ]),
  );

  it('corrects one edit in a word of 7–8 letters, the most frequent word first', () => {
    expect(corrector.correct('الاجتماغ')).toBe('الاجتماع');
    expect(editDistance('شويجو', 'شويغو', 2)).toBe(1);
  });

  it('prefers a letter left out inside the word to a letter changed, even against frequency', () => {
    expect(corrector.correct('السورين')).toBe('السوريين');
  });

  it('reads the article\'s «ل» and the word\'s own «ل» written once', () => {
    expect(corrector.correct('الاجيين')).toBe('اللاجيين');
  });

  it('does not prefer a missing last letter (it often makes another word: «المقابل», «المقابلة»)', () => {
    const c = new TypoCorrector(new Map([['المقابله', 1], ['المقاتل', 5]]));
    expect(c.correct('المقابل')).toBe('المقاتل');
  });

  it('prefers a key next to the right one among letters changed («المتحدص» → «المتحدث», ص beside ث)', () => {
    const c = new TypoCorrector(new Map([['المتحده', 20], ['المتحدث', 17]]));
    expect(c.correct('المتحدص')).toBe('المتحدث');
    expect(c.correct('المتحدة'.replace('ة', 'ك'))).toBe('المتحده');
  });

  it('leaves short words alone', () => {
    expect(corrector.correct('قاتلت')).toBeUndefined();
  });
});
