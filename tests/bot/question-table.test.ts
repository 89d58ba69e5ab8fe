import { describe, expect, it } from 'vitest';
import { QuestionTable, questionId } from '../../src/bot/question-table.ts';

describe('QuestionTable', () => {
  it('gives a short, stable id and finds the question by it', () => {
    const table = new QuestionTable();
    const q = 'حدثني عن الاجتماع الثلاثي الأول لوزراء الدفاع في موسكو';
    const id = table.idFor(q);
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(id).toBe(questionId(q));
    expect(new QuestionTable().idFor(q)).toBe(id);
    expect(table.questionFor(id)).toBe(q);
    expect(table.questionFor('AAAAAAAAAAAA')).toBeUndefined();
  });

  it('stays bounded, evicting the least recently issued questions but never the pinned ones', () => {
    const table = new QuestionTable(['مثال ثابت'], 3);
    const ids = ['أ', 'ب', 'ج', 'د', 'هـ'].map((q) => table.idFor(q));
    expect(table.size).toBe(4);
    expect(table.questionFor(ids[0]!)).toBeUndefined();
    expect(table.questionFor(ids[1]!)).toBeUndefined();
    expect(table.questionFor(ids[4]!)).toBe('هـ');
    expect(table.questionFor(questionId('مثال ثابت'))).toBe('مثال ثابت');
  });
});
