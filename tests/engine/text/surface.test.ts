import { describe, expect, it } from 'vitest';
import { surfaceOf } from '../../../src/engine/text/surface.ts';

describe('surfaceOf', () => {
  it('gives the words as the asker wrote them, with hamzas, tā’ marbūṭa and diacritics', () => {
    expect(surfaceOf('رييس المخابرات الايراني', 'من هو رئيس المخابرات الإيراني؟')).toBe('رئيس المخابرات الإيراني');
    expect(surfaceOf('السعوديه', 'ما موقفُ السعوديةِ من التطبيع؟')).toBe('السعوديةِ');
    expect(surfaceOf('france', 'What does France say?')).toBe('France');
  });

  it('falls back to the phrase when the words are not there one for one', () => {
    expect(surfaceOf('السعوديه', 'ما موقف والسعودية')).toBe('السعوديه');
    expect(surfaceOf('', 'أي شيء')).toBe('');
  });
});
