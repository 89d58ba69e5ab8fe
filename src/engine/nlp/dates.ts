/**
 * Date words in questions and knowledge: month names (Levantine, Egyptian/Gulf and English), days
 * of the month, years and weekdays become tokens such as `t:m12`, `t:d28`, `t:y2022`, `t:wtue`.
 */

const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['كانون الثاني', 1], ['يناير', 1], ['كانون ثاني', 1], ['january', 1], ['jan', 1],
  ['شباط', 2], ['فبراير', 2], ['february', 2], ['feb', 2],
  ['اذار', 3], ['مارس', 3], ['march', 3],
  ['نيسان', 4], ['ابريل', 4], ['افريل', 4], ['april', 4], ['apr', 4],
  ['ايار', 5], ['مايو', 5], ['may', 5],
  ['حزيران', 6], ['يونيو', 6], ['يونيه', 6], ['june', 6],
  ['تموز', 7], ['يوليو', 7], ['يوليه', 7], ['july', 7],
  ['اغسطس', 8], ['اب', 8], ['august', 8],
  ['ايلول', 9], ['سبتمبر', 9], ['september', 9],
  ['تشرين الاول', 10], ['اكتوبر', 10], ['تشرين اول', 10], ['october', 10],
  ['تشرين الثاني', 11], ['نوفمبر', 11], ['تشرين ثاني', 11], ['november', 11],
  ['كانون الاول', 12], ['ديسمبر', 12], ['كانون اول', 12], ['december', 12], ['dec', 12],
];

const WEEKDAYS: ReadonlyArray<readonly [string, string]> = [
  ['السبت', 'sat'], ['سبت', 'sat'], ['saturday', 'sat'],
  ['الاحد', 'sun'], ['احد', 'sun'], ['sunday', 'sun'],
  ['الاثنين', 'mon'], ['الاتنين', 'mon'], ['اثنين', 'mon'], ['monday', 'mon'],
  ['الثلاثا', 'tue'], ['الثلاثاء', 'tue'], ['ثلاثا', 'tue'], ['التلات', 'tue'], ['tuesday', 'tue'],
  ['الاربعا', 'wed'], ['الاربعاء', 'wed'], ['اربعا', 'wed'], ['wednesday', 'wed'],
  ['الخميس', 'thu'], ['خميس', 'thu'], ['thursday', 'thu'],
  ['الجمعه', 'fri'], ['جمعه', 'fri'], ['friday', 'fri'],
];

/** Month names that are also common words: count only next to a number or a time word. */
const WEAK_MONTHS = new Set(['اب', 'may', 'march', 'jan', 'feb', 'apr', 'dec']);
/** Words before a month name that make it a month («early May», «بداية أيار»). */
/** Nouns a month name qualifies («the May date»): then it is the month. */
const MONTH_NOUNS = new Set(['date', 'deadline', 'proposal', 'meeting', 'summit', 'موعد']);
const MONTH_CONTEXT = new Set(['early', 'late', 'mid', 'in', 'of', 'since', 'until', 'بدايه', 'نهايه', 'اواخر', 'اوايل', 'منتصف', 'شهر']);

const monthPhrases = MONTHS.map(([name, m]) => ({ tokens: name.split(' '), month: m })).sort((a, b) => b.tokens.length - a.tokens.length);
const weekdayMap = new Map(WEEKDAYS);
/** First words of every month name and every weekday: a cheap test before the full match. */
const DATE_HEADS = new Set([...monthPhrases.map((p) => p.tokens[0] as string), ...weekdayMap.keys()]);
const isDateHead = (t: string) => DATE_HEADS.has(t) || DATE_HEADS.has(stripPrefix(t));

/** A date token found at a position, with how many tokens it consumed. */
export interface DateMatch {
  readonly tokens: readonly string[];
  readonly length: number;
}

function stripPrefix(token: string): string {
  for (const p of ['بال', 'وال', 'ب', 'و', 'ف', 'ل']) {
    if (token.startsWith(p) && token.length - p.length >= 3) {
      const rest = token.slice(p.length);
      if (p.endsWith('ال')) return `ال${rest}`;
      return rest;
    }
  }
  return token;
}

const LATIN_MONTH = /^[a-z]+$/;

function isDay(token: string | undefined): token is string {
  return token !== undefined && /^\d{1,2}$/.test(token) && Number(token) >= 1 && Number(token) <= 31;
}

/** Words after a number that make it a count rather than a year. */
const COUNT_NEXT = new Set(['تقريبا', 'تقريب', 'جندي', 'جنود', 'عسكري', 'لاجي', 'شخص', 'عنصر', 'troops', 'soldiers', 'people']);

/**
 * Recognizes a date expression at `tokens[at]`: a month name (one or two words), a year, or a weekday.
 * A day number directly before a month name is included («28 كانون الاول»).
 * @example
 * matchDate(['28', 'كانون', 'الاول', '2022'], 0); // { tokens: ['t:d28', 't:m12'], length: 3 }
 */
export function matchDate(tokens: readonly string[], at: number): DateMatch | undefined {
  const t = tokens[at];
  if (t === undefined) return undefined;
  // day + month
  if (isDay(t) && tokens[at + 1] !== undefined && (isDateHead(tokens[at + 1] as string) || tokens[at + 1] === 'و')) {
    const m = matchMonth(tokens, at + 1, true);
    if (m) return { tokens: [`t:d${Number(t)}`, `t:m${m.month}`], length: 1 + m.length };
    // «15 و16 اذار»: two days joined by و before the month
    if (tokens[at + 1] === 'و' && isDay(tokens[at + 2])) {
      const m2 = matchMonth(tokens, at + 3, true);
      if (m2) return { tokens: [`t:d${Number(t)}`, `t:d${Number(tokens[at + 2])}`, `t:m${m2.month}`], length: 3 + m2.length };
    }
  }
  // («2000 تقريبا», «2000 جندي» count; they are not the year 2000)
  if (/^(19|20)\d{2}$/.test(t) && !COUNT_NEXT.has(tokens[at + 1] ?? '')) return { tokens: [`t:y${t}`], length: 1 };
  if (!isDateHead(t)) return undefined;
  // (a day before it, «15 آذار», or after it, «March 15»; a year after it; «in», «early» … before it)
  const m = matchMonth(tokens, at, isDay(tokens[at - 1]) || isDay(tokens[at + 1]) || /^(19|20)\d{2}$/.test(tokens[at + 1] ?? '') || MONTH_CONTEXT.has(tokens[at - 1] ?? '') || MONTH_NOUNS.has(tokens[at + 1] ?? ''));
  if (m) {
    // «March 15», «March 15-16»: the days after an English month are part of the date
    const days: string[] = [];
    let end = at + m.length;
    while (days.length < 2 && isDay(tokens[end]) && LATIN_MONTH.test(t)) days.push(`t:d${Number(tokens[end++])}`);
    return { tokens: [...days, `t:m${m.month}`], length: end - at };
  }
  // («واحد» is "one", not «و» + «أحد»; «أحد التقارير», «أحد المسؤولين» is "one of", not Sunday)
  if (stripPrefix(t) === 'احد' && (tokens[at + 1] ?? '').startsWith('ال')) return undefined;
  const wd = weekdayMap.get(t) ?? (t === 'واحد' ? undefined : weekdayMap.get(stripPrefix(t)));
  if (wd) return { tokens: [`t:w${wd}`], length: 1 };
  return undefined;
}

function matchMonth(tokens: readonly string[], at: number, nearNumber: boolean): { month: number; length: number } | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  for (const { tokens: name, month } of monthPhrases) {
    const head = name[0] as string;
    if (first !== head && stripPrefix(first) !== head) continue;
    if (name.slice(1).every((w, i) => tokens[at + 1 + i] === w)) {
      if (name.length === 1 && WEAK_MONTHS.has(head) && !nearNumber) continue;
      return { month, length: name.length };
    }
  }
  return undefined;
}

/**
 * Date tokens for an ISO date or month (`2022-12-28` → `t:y2022 t:m12 t:d28`).
 * @example
 * isoDateTokens('2023-03'); // ['t:y2023', 't:m3']
 */
export function isoDateTokens(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const out = [`t:y${y}`];
  if (m) out.push(`t:m${Number(m)}`);
  if (d) out.push(`t:d${Number(d)}`);
  return out;
}

/** Weekday token for an ISO date (`2022-12-28` → `t:wwed`). */
export function isoWeekdayToken(iso: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  return `t:w${names[new Date(`${iso}T12:00:00Z`).getUTCDay()]}`;
}
