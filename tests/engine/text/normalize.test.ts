import { describe, expect, it } from 'vitest';
import { arabicShare, normalizeArabic, normalizeWhitespace } from '../../../src/engine/text/normalize.ts';

describe('normalizeArabic', () => {
  it('removes diacritics and tatweel', () => {
    expect(normalizeArabic('وَزِيرُ الدِّفَاعِ')).toBe('وزير الدفاع');
    expect(normalizeArabic('الاجتمـــاع')).toBe('الاجتماع');
    expect(normalizeArabic('تطبيعٰ')).toBe('تطبيع');
  });
  it('unifies alef, ya, ta marbuta and hamza carriers', () => {
    expect(normalizeArabic('أإآٱ')).toBe('اااا');
    expect(normalizeArabic('إلى مستشفى')).toBe('الي مستشفي');
    expect(normalizeArabic('الروسية')).toBe('الروسيه');
    expect(normalizeArabic('مسؤول لاجئ')).toBe('مسوول لاجي');
    expect(normalizeArabic('وزراء')).toBe('وزرا');
    // a hamza on the line typed for the seat «ئ»/«ؤ»
    expect(normalizeArabic('رءيس')).toBe(normalizeArabic('رئيس'));
    expect(normalizeArabic('مسءول')).toBe(normalizeArabic('مسؤول'));
    expect(normalizeArabic('ءيس')).toBe('يس');
  });
  it('maps Persian letters and Eastern digits', () => {
    expect(normalizeArabic('کی')).toBe('كي');
    expect(normalizeArabic('٢٨ ۲۰۲۲')).toBe('28 2022');
    expect(normalizeArabic('چاووش')).toBe('جاووش');
  });
  it('maps Arabic punctuation, strips bidi controls, lower-cases Latin', () => {
    expect(normalizeArabic('متى؟')).toBe('متي?');
    expect(normalizeArabic('أ، ب؛ ج')).toBe('ا, ب; ج');
    expect(normalizeArabic('\u202Bمن\u202C \u200Fهو')).toBe('من هو');
    expect(normalizeArabic('SANA M4')).toBe('sana m4');
  });
  it('is idempotent', () => {
    const s = 'وَقَالَتْ وزارةُ الدفاعِ الروسيّة إنّ «الأطراف» اتفقت؟ ٢٠٢٣';
    expect(normalizeArabic(normalizeArabic(s))).toBe(normalizeArabic(s));
  });
});

describe('normalizeWhitespace / arabicShare', () => {
  it('collapses whitespace only', () => {
    expect(normalizeWhitespace('  أ \n\t ب  ')).toBe('أ ب');
  });
  it('measures the Arabic share of letters', () => {
    expect(arabicShare('من هو')).toBe(1);
    expect(arabicShare('who is')).toBe(0);
    expect(arabicShare('123')).toBe(0);
    expect(arabicShare('طريق M4')).toBeCloseTo(4 / 5);
  });
});
