import { describe, expect, it } from 'vitest';
import { matchDate } from '../../../src/engine/nlp/dates.ts';

describe('matchDate', () => {
  it('reads a day and a month, two days, a year and a weekday', () => {
    expect(matchDate(['28', 'كانون', 'الاول', '2022'], 0)).toEqual({ tokens: ['t:d28', 't:m12'], length: 3 });
    expect(matchDate(['15', 'و', '16', 'اذار'], 0)?.tokens).toEqual(['t:d15', 't:d16', 't:m3']);
    expect(matchDate(['2011'], 0)).toEqual({ tokens: ['t:y2011'], length: 1 });
    expect(matchDate(['الثلاثاء'], 0)?.tokens).toEqual(['t:wtue']);
    // English puts the days after the month; «march» alone is a verb as often as a month
    expect(matchDate(['march', '15', '16'], 0)).toEqual({ tokens: ['t:d15', 't:d16', 't:m3'], length: 3 });
    expect(matchDate(['march', 'on'], 0)).toBeUndefined();
    // «والأحد» is «و» + Sunday; «واحد» is "one" («أول واحد», «كم واحد»)
    expect(matchDate(['والاحد'], 0)?.tokens).toEqual(['t:wsun']);
    expect(matchDate(['واحد'], 0)).toBeUndefined();
  });

  it('does not take a count for a year («2000 تقريبا», «2000 جندي»)', () => {
    expect(matchDate(['2000', 'تقريبا'], 0)).toBeUndefined();
    expect(matchDate(['2000', 'جندي'], 0)).toBeUndefined();
    expect(matchDate(['2000'], 0)?.tokens).toEqual(['t:y2000']);
  });
});
