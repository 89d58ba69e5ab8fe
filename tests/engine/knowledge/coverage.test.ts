import { describe, expect, it } from 'vitest';
import { articleCoverage, splitSentences } from '../../../src/engine/knowledge/coverage.ts';
import { loadKnowledge } from '../../../src/engine/knowledge/load.ts';
import { KNOWLEDGE, knowledgeCopy } from '../../helpers/engine.ts';

describe('article coverage', () => {
  it('splits sentences by line and final punctuation', () => {
    expect(splitSentences('أ قال. ب قال؟\n\nج')).toEqual(['أ قال.', 'ب قال؟', 'ج']);
  });

  it('covers at least 95% of the claim sentences of every article', () => {
    for (const c of articleCoverage(loadKnowledge(KNOWLEDGE))) {
      expect(c.claimSentences, c.source).toBeGreaterThan(10);
      expect(c.ratio, `${c.source}: ${c.uncovered.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('drops when a sentence loses its only quote', () => {
    const kb = knowledgeCopy();
    // intel-contacts is the only fact quoting this sentence of article 001
    kb.edit('facts/context.yaml', (t) => t.replace('quote: كما سبق أن أقرت أنقرة بتواصل مع دمشق على مستوى أجهزة الاستخبارات.', 'quote: وكان وزيرا الخارجية التركي مولود تشاوش أوغلو والسوري فيصل المقداد'));
    const c = articleCoverage(loadKnowledge(kb.dir)).find((x) => x.source.startsWith('001'));
    expect(c?.uncovered.some((s) => s.includes('أجهزة الاستخبارات'))).toBe(true);
  });
});
