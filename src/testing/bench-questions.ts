/**
 * The questions the bot benchmarks send: every kind people send (answered, follow-ups, dialect,
 * English, declined, small talk), written for the benchmarks (not taken from an evaluation set).
 */

/** Questions of every kind people send: answered, follow-ups, dialect, English, declined, small talk. */
export const BENCH_QUESTIONS = [
  'من حضر الاجتماع الرباعي؟',
  'متى عقد الاجتماع الثلاثي الأول؟',
  'من هو شويغو؟',
  'ماذا قال الأسد؟',
  'ماذا قالت سانا عن الاجتماع الرباعي؟',
  'مرحبا',
  'حدثني عن اجتماع نواب وزراء الخارجية في موسكو',
  'كم استغرقت مباحثات موسكو التركية الروسية؟',
  'ومتى كان؟',
  'شو صار بموسكو بين تركيا وسوريا',
  'مين راح من تركيا عالاجتماع',
  'who attended the quadrilateral meeting?',
  'هل سيلتقي اردوغان والاسد',
  'ما هو طريق ام فور',
  'ماذا يريد النظام السوري من تركيا',
  'كيف الطقس في موسكو اليوم؟',
  'ما موقف الولايات المتحدة من التطبيع؟',
  'متى انقطعت العلاقات بين انقرة ودمشق',
  'ايش قال جاويش اوغلو عن المقداد',
  'ومن حضره؟',
  'شكرا',
  'ما هي نتائج الاجتماع الثلاثي',
  'لماذا انضمت ايران الى المحادثات',
  'ما هو دور قسد',
];

/**
 * The median of a list of numbers (the mean of the middle two for an even count; NaN for none).
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
