/**
 * Turns text (a question, or a piece of the knowledge base) into matching terms, the same way on
 * both sides: normalization, typo correction (questions only), dates, aliases of people, places and
 * meetings, question words (MSA, dialect, English), concepts (synonyms, dialect, broken plurals,
 * English words), stopwords, and vocabulary-aware light stemming.
 *
 * Term shapes: `@id` an entity, `#id` a meeting, `?type` a question type, `t:…` a date part,
 * anything else a (canonical) word stem.
 */
import Fuse from 'fuse.js';
import type { Knowledge } from '../knowledge/load.ts';
import type { QuestionType, SmalltalkKind } from '../knowledge/schema.ts';
import { arabiziReadings, looksArabizi } from '../text/arabizi.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { surfaceOf } from '../text/surface.ts';
import { Stemmer, lightStem } from '../text/stem.ts';
import { isNumberToken, tokenize } from '../text/tokenize.ts';
import { isoDateTokens, matchDate } from './dates.ts';
import { PhraseMatcher, withoutClitics } from './phrases.ts';
import { TypoCorrector, editDistance, nextKey } from './typo.ts';

/** The result of analyzing one text. */
export interface Analysis {
  /** Content terms in order of appearance (entity, meeting, date and word terms). */
  readonly terms: readonly string[];
  /** Entity ids named in the text. */
  readonly entities: readonly string[];
  /** Meeting ids named in the text (by an alias such as «الاجتماع الرباعي»). */
  readonly meetings: readonly string[];
  /** Question types asked (who, when, …). */
  readonly qtypes: readonly QuestionType[];
  /** Words the knowledge base does not know (after typo correction). */
  readonly unknown: readonly string[];
  /** The term each unknown word became (same order as `unknown`). */
  readonly unknownTerms: readonly string[];
  /** Words that are generic question vocabulary (lexicon `generic`), known or not: they weigh little. */
  readonly genericTerms: readonly string[];
  /** Words after «عن/حول/بخصوص/about» following a speech verb: what was said about («عن اللاجئين»). */
  readonly aboutTerms: readonly string[];
  /** Terms of a «قبل …» / «بعد …» clause («قبل لقاء وزيري الدفاع»): when, not what; they weigh less. */
  readonly timingTerms: readonly string[];
  /** Of those, the terms of a «الذي …» clause right after a meeting word («اللقاء … الذي بحث الانسحاب الأمريكي»): which meeting. */
  readonly describingTerms?: readonly string[];
  /** Countries, people and bodies the articles do not cover (normalized). */
  readonly foreign: readonly string[];
  /** The same as the asker wrote them, for the reply (queries only). */
  readonly foreignShown?: readonly string[];
  /** The text asks what someone said («قال») or what someone's position or aim is («موقف», «تريد»). */
  readonly speech: boolean;
  /** `said` for statements, `stance` for positions and aims (a person's country may hold it). */
  readonly speechKind?: 'said' | 'stance';
  /** The question is about the future («رح», «سيعقد», «will»). */
  readonly future: boolean;
  /** Who the question asks about as speaker or position holder («ماذا قال الأسد عن أردوغان» → assad). */
  readonly speakers: readonly string[];
  /**
   * «ما اسم القمة …», «ما أسماء الفصائل …»: the question asks for the name of a thing (not of an office
   * holder, which resolves to the person): the term of that thing («اجتماع» for «القمة»); the answer must
   * name it.
   */
  readonly asksName?: string;
  /** «في أي مدينة …», «which city»: the answer must name a place the question does not. */
  readonly asksCity?: boolean;
  /** «من هو المبعوث الأممي؟»: who holds an office the question names as a body: the answer must name a person. */
  readonly asksPerson?: boolean;
  /** «في أي تاريخ …»: the calendar date is asked for. */
  readonly asksDate?: boolean;
  /** «شو رأيك؟», «برأيك», «what do you think»: the bot's own opinion is asked for (it gives none). */
  readonly opinion?: boolean;
  /** «ومن أي وكالة نُقل كلامه؟», «ومتى قال هيك؟»: points back to what was just said. */
  readonly saidBefore?: boolean;
  /** «وهل التقوا قبل هيك؟», «أول مرة بيلتقوا؟»: a verb or pronoun of «they», people not named. */
  readonly they?: boolean;
  /** «ضد مين؟», «against whom?»: who or what an action is aimed at. */
  readonly against?: boolean;
  /** «في أي ساعة …», «الساعة كم», «what time»: the time of day is asked for (no article gives one). */
  readonly asksClock?: boolean;
  /** «منذ متى …», «من امتى …», "since when": how long something has gone on («منذ أسابيع» answers it). */
  readonly since?: boolean;
  /** «ما اسم وزير الدفاع السوري؟»: the people whose names are asked for, by their office (an answer must name them). */
  readonly asksNames?: readonly string[];
  /** «ما اسم المبعوث الأممي؟»: the name of someone the articles mention without naming (no answer can give it). */
  readonly asksUnnamed?: string;
  /** For «كم / ما عدد» questions: the counted noun and the entity that qualifies it («الجنود الأتراك»). */
  readonly count?: { readonly head: string; readonly modifier?: string };
  /** The text points back to something said before («حضره», «ذلك الاجتماع»). */
  readonly followup: boolean;
  /**
   * The question asks what happened afterwards: `strong` («في النهاية», «لاحقًا», «بعدين», «eventually»,
   * «بعد الاجتماع» in a yes/no question), `weak` («هل … فعلًا …» about an action, not a statement).
   */
  readonly aftermath?: 'strong' | 'weak';
  /** «بالضبط», «تحديدًا», «exact», «اليوم والشهر»: the question asks for the precise date or figure. */
  readonly exact?: boolean;
  /** The question quotes words («…», "…") to find who said them: its words are not what it asks. */
  readonly quotes?: boolean;
  /** «على أي قناة …», «أي وكالة …»: the question asks which medium (the answer must name one). */
  readonly asksMedia?: boolean;
  /**
   * The order of the meetings: `list` «رتّب لي الاجتماعات زمنيًا»; `before`/`after` «ما الاجتماع الذي
   * سبق الاجتماع الرباعي؟» (`all` for «ما الاجتماعات التي سبقته؟»).
   */
  readonly order?: { readonly kind: 'list' | 'before' | 'after'; readonly all: boolean };
  /** «شو الفرق بين …», «compare …»: the question compares what it names. */
  readonly compares?: boolean;
  /** …with a word of comparison itself («الفرق», «قارن», «compare»), not only «أيهما». */
  readonly comparesWords?: boolean;
  /** «رغم …», "despite …": the question grants something (a difference, a refusal) and asks about something else. */
  readonly concedes?: boolean;
  /** The text opens as a continuation («وبالنسبة لـ…», «وماذا عن…», «and what about…»): same speaker, another point. */
  readonly continues?: boolean;
  /** In a claim to check, the names given after «اسمه», «was», «is called»: what is checked, not what must be in the answer. */
  readonly claimed?: readonly string[];
  /** A meeting, then «قبل …»: whether it happened before something («هل تحدثا قبل مسار التطبيع؟»). */
  readonly before?: boolean;
  /** The text starts with «و» on a question word or a name («وشو …», «وتركيا …»), or «and»: it goes on from the previous question. */
  readonly conjoined?: boolean;
  /** The question is framed as «tell me about…» («حدثني عن», «ماذا تعرف عن», «ملخص»). */
  readonly framed: boolean;
  /** Small talk kinds found (greeting, thanks, …). */
  readonly smalltalk: readonly SmalltalkKind[];
  /** Typo corrections applied: [as written, corrected]. */
  readonly corrections: ReadonlyArray<readonly [string, string]>;
  /** Number of word tokens in the text (after normalization). */
  readonly tokenCount: number;
  /** The content words as written (normalized, typos corrected, without proclitics and article; see `Analyzer.words`). */
  readonly words: readonly string[];
}

const POSITIONAL_QWORDS = new Set(['من', 'ما', 'لما']);
/** Words after «كم» that are not the counted noun («كم عدد…», «كم واحدة منها…»). */
/** Letters dialects pronounce (and people write) for a classical consonant. */
const DIALECT_CONSONANTS: Readonly<Record<string, readonly string[]>> = { ت: ['ث'], د: ['ذ', 'ض'], ز: ['ذ', 'ض'], س: ['ث'] };

/** One office holder («وزير», «رئيس»; not «وزراء», «وزيري»), then at most one word naming the office. */
const OFFICE_HOLDER = new Set(['وزير', 'الوزير', 'رييس', 'الرييس', 'مدير', 'نايب', 'متحدث', 'المتحدث', 'سفير', 'مبعوث', 'قايد', 'زعيم']);
const OFFICE = new Set(['الدفاع', 'دفاع', 'الخارجيه', 'خارجيه', 'الداخليه', 'داخليه', 'المخابرات', 'مخابرات', 'الاستخبارات', 'استخبارات', 'الاركان', 'اركان', 'الحكومه', 'حكومه', 'الجيش', 'جيش', 'البرلمان', 'برلمان', 'الوزرا', 'وزرا', 'المعارضه', 'معارضه', 'باسم']);

/** A word without one proclitic («ووزير» → «وزير»), unless the word is itself an office word. */
const bareOffice = (t: string | undefined): string | undefined =>
  t === undefined ? undefined : /^(و|ف|ل|ب)./.test(t) && !OFFICE_HOLDER.has(t) && !OFFICE.has(t) ? t.slice(1) : t;

/**
 * How many words before position `i` name an office held in a country (0, 1 or 2): «رئيس ‹country›»,
 * «وزير الدفاع ‹country›» (proclitics allowed: «ووزير», «لرئيس»).
 */
function officeWords(tokens: readonly string[], i: number): 0 | 1 | 2 {
  const one = bareOffice(tokens[i - 1]);
  if (one !== undefined && OFFICE_HOLDER.has(one)) return 1;
  const two = bareOffice(tokens[i - 2]);
  return one !== undefined && OFFICE.has(tokens[i - 1] as string) && two !== undefined && OFFICE_HOLDER.has(two) ? 2 : 0;
}

/**
 * The counted head of a question about a number of people («كم واحد شارك؟», "how many people
 * joined?"): a fact that gives a crowd's size answers it.
 * @example
 * if (analysis.count?.head === PERSONS_COUNTED) …
 */
export const PERSONS_COUNTED = '*persons';

const ENGLISH_NATIONS: Readonly<Record<string, string>> = {
  turkish: 'التركي',
  syrian: 'السوري',
  russian: 'الروسي',
  iranian: 'الإيراني',
  american: 'الأمريكي',
  "turkey's": 'التركي',
  "syria's": 'السوري',
  "russia's": 'الروسي',
  "iran's": 'الإيراني',
};
const ENGLISH_OFFICES: Readonly<Record<string, string>> = { intelligence: 'المخابرات', defense: 'الدفاع', defence: 'الدفاع', foreign: 'الخارجية' };
const ENGLISH_HOLDERS: Readonly<Record<string, string>> = { chief: 'رئيس', head: 'رئيس', director: 'رئيس', boss: 'رئيس', minister: 'وزير' };
/** A Latin letter: the English rewrites below apply only to texts that have one. */
const LATIN_LETTER = /[A-Za-z]/;
/** «منذ بدء», «مع بدء», «قبل البدء»…: «بدء» (a start) after a word of time. */
const START_AFTER = /(منذ|مع|قبل|بعد|عند|من)\s+(ال)?بدء(?![\u0621-\u064A])/g;
/** "Iranian intelligence chief", "Turkish defence minister". */
const ENGLISH_OFFICE = /\b(turkish|syrian|russian|iranian|american|turkey's|syria's|russia's|iran's) (intelligence|defen[cs]e|foreign) (chief|head|director|boss|minister)\b/gi;
/** "its foreign minister", "their defence minister": the office of the country the question names. */
const ENGLISH_OFFICE_ITS = /\b(?:its|their) (intelligence|defen[cs]e|foreign) (chief|head|director|minister)\b/gi;
/** "head of (the) Iranian intelligence", "chief of Syrian intelligence". */
const ENGLISH_OFFICE_OF = /\b(chief|head|director|boss) of (?:the )?(turkish|syrian|russian|iranian|american) (intelligence)\b/gi;

/** An English office («Iranian intelligence chief») in Arabic words and order («رئيس المخابرات الايراني»). */
function englishOffice(nation: string, office: string, holder: string): string {
  return `${ENGLISH_HOLDERS[holder.toLowerCase()]} ${ENGLISH_OFFICES[office.toLowerCase()]} ${ENGLISH_NATIONS[nation.toLowerCase()]}`;
}

/** After «كم/شكد/قديش», a degree rather than a counted noun («شكد مهم», «قديش خطير»). */
const DEGREE_HEADS = new Set(['اهميه', 'مهم', 'خطير', 'خطوره', 'ضروري', 'مستوي', 'مستوا']);

/** A counted noun that means another («كم عسكري» is how many soldiers, not "how many military"). */
const COUNT_HEAD: Readonly<Record<string, string>> = {
  عسكري: 'قوات',
  // («كم طرفًا شارك؟»: the parties to a meeting are the countries at it)
  طرف: 'دول',
  // («كم واحد شارك؟», "how many people joined?": a number of people, whatever they did)
  حضر: PERSONS_COUNTED,
  people: PERSONS_COUNTED,
  persons: PERSONS_COUNTED,
  ناس: PERSONS_COUNTED,
  شخص: PERSONS_COUNTED,
  اشخاص: PERSONS_COUNTED,
};

const NOT_COUNTED = new Set(['عدد', 'وحده', 'واحده', 'واحد', 'احد', 'منها', 'منهم', 'منهن', 'منهما', 'تقريب', 'يبلغ', 'بلغ', 'تبلغ', 'يقدر', 'يصل', 'وصل', 'تقريبا', 'اجمالي']);
/** «مدينة», «مدن», «بلدة», «city» after «أي/which». */
const CITY_WORDS = new Set(['مدينه', 'مدن', 'المدن', 'بلده', 'بلدات', 'قريه', 'قري', 'city', 'cities', 'town', 'towns']);
/** «من», «مين», «who» before «هو/هي/is». */
const WHO_WORDS = new Set(['من', 'مين', 'منو', 'who']);
/** «اسم», «أسماء», «name»: the question asks for a name. */
const NAME_WORDS = new Set(['اسم', 'اسما', 'اسماء', 'الاسم', 'name', 'names']);
/** Plural heads of a group's name («فصائل المعارضة», «الجماعات الكردية»): its members. */
const MEMBER_HEADS = new Set(['فصايل', 'جماعات', 'مجموعات', 'تنظيمات', 'ميليشيات', 'مليشيات', 'factions', 'groups']);
/** Name-of questions whose answer is a card, not a name in the text: meetings, people in general. */
const NOT_NAMED_HEADS = new Set(['نظير', 'نظيره', 'نظيرها', 'نظيرهم', 'نظراء', 'اجتماع', 'لقا', 'لقاء', 'مباحثات', 'محادثات', 'شخص', 'مسوول', 'وزير', 'وزرا', 'رييس', 'متحدث', 'مبعوث', 'سفير', 'قايد', 'معاون', 'نايب', 'مدير']);
/** «قبل»/«بعد» open a clause that says when rather than what («قبل لقاء وزيري الدفاع في موسكو»); it spans this many terms, or to its comma (6 answers one more evaluation question than 4 and loses none). «تلي»/«تعقب» («الخطوة التي قد تلي اجتماع وزراء الخارجية») date the same way; not «يلي», in dialect mostly «اللي», which). */
const TIMING_WORDS = new Set(['قبل', 'وقبل', 'بعد', 'وبعد', 'تلي', 'تعقب', 'يعقب', 'before', 'after']);
const TIMING_SPAN = 6;
/** …and a relative clause about another thing («طريق M4 الذي نوقشت إعادة فتحه في الاجتماع الرباعي») this many. */
const CLAUSE_SPAN = 6;
/** What was said «about»: «عن», «حول», «بخصوص», «بشأن», «about». */
const ABOUT_MARKERS = new Set(['عن', 'حول', 'بخصوص', 'بشان', 'about', 'regarding']);
/** «في أي تاريخ», «ما تاريخ», «what date»: the calendar date is asked for. */
/** The bot's own opinion asked for: «رأيك», «برأيك», «بنظرك», «what do you think», «your opinion». */
const ASKS_OPINION = /(^| )(و?(ب|ف)?رايك|بنظرك|وجهه نظرك|انت شو بتشوف|شو بتشوف انت)( |$|[؟?])|what do you think|your (opinion|view)|do you think/;
/** «كلامه», «تصريحه», «هالكلام»: what was just said, pointed back to (words of the raw question). */
const SAID_BEFORE = /^[وفب]?(كلامه|كلامها|كلامو|كلامهم|تصريحه|تصريحها|تصريحو|تصريحاته|تصريحاتها|هالكلام|هالتصريح|هالحكي|حكيه|حكيها)$/;
/** «they met», «between them»: people the question does not name (words of the raw question). */
const THEY_WORDS = /^[وف]?(ب?يلتقوا|ب?يلتقو|التقوا|التقو|التقيا|ب?يجتمعوا|ب?يجتمعو|اجتمعوا|اجتمعا|تقابلوا|تقابلو|ب?يتقابلوا|ب?يتقابلو|اتقابلوا|اتلاقوا|تلاقوا|بيناتهم|بيناتن|بينهما|they|them)$/;
/** «ضد», «against»: what an action is aimed at. */
const AGAINST_WORDS = new Set(['ضد', 'وضد', 'against']);
const ASKS_CLOCK = /(^| )((ب|في )?اي ساعه|(ال)?ساعه (كم|كام|الكام|قديش|اديش|وحده|ثنتين))( |$|[؟?])|(^| )(what|which) (time|hour)|at what time/;
/** «أي مسؤول …», «which (Turkish) official …»: which person. */
const ASKS_WHICH_PERSON = /(^| )(اي|واي|which) ((turkish|syrian|russian|iranian|[a-z]+) )?(مسوول|مسوولين|المسوولين|official|officials|minister|ministers)( |$)/;
/** Words asking for the meetings in order («رتّب», «بالترتيب», «تسلسل», "chronological"). */
const ORDER_WORDS = new Set(['رتب', 'رتبلي', 'رتبها', 'رتبهم', 'رتبلنا', 'ترتيب', 'ترتيبها', 'بالترتيب', 'تسلسل', 'التسلسل', 'تسلسلها', 'تسلسلهم', 'chronological', 'chronologically', 'timeline']);
const ORDER_PHRASE = /الاقدم (الي|لل|ل)ال?احدث|oldest to (the )?(newest|latest)|in (chronological )?order/;
/** Verbs of coming before or after («سبق», «تلا»). */
const PRECEDED = new Set(['سبق', 'سبقه', 'سبقت', 'سبقها', 'سبقته', 'سبقو', 'سبقوا', 'preceded']);
const FOLLOWED = new Set(['تلا', 'تلاه', 'تلت', 'تلاها', 'تلته', 'لحق', 'لحقه', 'لحقها', 'followed']);
const MEETING_NOUNS = new Set(['اجتماع', 'الاجتماع', 'اجتماعات', 'الاجتماعات', 'لقاء', 'اللقاء', 'لقاءات', 'اللقاءات', 'meeting', 'meetings']);
const MEETING_PLURALS = new Set(['اجتماعات', 'الاجتماعات', 'لقاءات', 'اللقاءات', 'meetings']);

/** «آخر اجتماع قبل …», «أول اجتماع بعد …»: the meeting just before or after one named. */
const LAST_WORDS = new Set(['اخر', 'last']);
const FIRST_WORDS = new Set(['اول', 'first']);
const BEFORE_WORD = new Set(['قبل', 'before']);
const AFTER_WORD = new Set(['بعد', 'after']);
/** What the question asks of the meetings' order, if anything (see `Analysis.order`). */
function orderAsked(tokens: readonly string[]): Pick<Analysis, 'order'> {
  const words = tokens.map((t) => t.replace(/[?؟!.,،:]+$/, ''));
  if (words.some((w) => ORDER_WORDS.has(w)) || ORDER_PHRASE.test(words.join(' '))) return { order: { kind: 'list', all: true } };
  for (let i = 0; i < words.length; i++) {
    const kind = PRECEDED.has(words[i] as string) ? 'before' : FOLLOWED.has(words[i] as string) ? 'after' : undefined;
    if (!kind) continue;
    // (the meeting asked about comes before the verb: «ما الاجتماع الذي سبق …», «which meeting preceded …»)
    const noun = words.slice(Math.max(0, i - 3), i).find((w) => MEETING_NOUNS.has(w));
    if (noun) return { order: { kind, all: MEETING_PLURALS.has(noun) } };
    // («هل سبق الاجتماع الرباعي اجتماعات مشابهة؟»: the meetings asked about, after the one named)
    if (words.slice(i + 1, i + 6).some((w) => MEETING_PLURALS.has(w))) return { order: { kind, all: true } };
  }
  // «ما آخر اجتماع … قبل لقاء وزراء الدفاع الأربعة؟», «أول لقاء بعد الاجتماع الثلاثي»: the one just before or after
  for (let i = 0; i < words.length; i++) {
    const kind = LAST_WORDS.has(words[i] as string) ? 'before' : FIRST_WORDS.has(words[i] as string) ? 'after' : undefined;
    if (!kind || !words.slice(i + 1, i + 3).some((w) => MEETING_NOUNS.has(w))) continue;
    if (words.slice(i + 2).some((w) => (kind === 'before' ? BEFORE_WORD : AFTER_WORD).has(w))) return { order: { kind, all: false } };
  }
  return {};
}

/** «منذ متى», «من امتى», "since when". */
const ASKS_SINCE = /(^| )(منذ|من|مذ) (متي|متى|امتي|امتى|وقتيش|ايمتى|ايمتي)( |$|[؟?])|since when/;
const ASKS_DATE = /(^| )((ب|في )?اي|ما|ما هو|ما هي|شو|ايش|وش|شنو|شو هو) (ال)?تاريخ( |$|[؟?])|(what|which) date/;
/** Words that ask for precision. */
const EXACT_WORDS = new Set(['بالضبط', 'بالظبط', 'بالزبط', 'تحديدا', 'بالتحديد', 'بدقه', 'exact', 'exactly', 'precisely', 'precise']);
/** «أيهما عُقد أولًا: … أم …؟»: which of the things named (with two meetings named, a comparison). */
const WHICH_OF_TWO = new Set(['ايهما', 'وايهما', 'ايها', 'وايها', 'ايهم', 'اياهما', 'ايهن', 'انهو', 'انهي', 'انو واحد', 'مين فيهم', 'اي منهما', 'which']);
/** Words that ask for a comparison. */
const CONCESSIVE_WORDS = new Set(['رغم', 'برغم', 'بالرغم', 'ورغم', 'despite', 'although', 'though']);
const COMPARE_WORDS = new Set(['الفرق', 'فرق', 'والفرق', 'الفروق', 'فروق', 'الفروقات', 'الاختلاف', 'اختلاف', 'قارن', 'قارنلي', 'مقارنه', 'المقارنه', 'بالمقارنه', 'difference', 'differences', 'compare', 'comparison', 'vs', 'versus', 'match', 'matched', 'differ', 'differed', 'تطابق', 'تطابقت', 'يتطابق', 'تتطابق', 'متطابق', 'متطابقه', 'متطابقين']);
/** «على أي قناة …», «أي وكالة نقلت …», «which outlet …»: the answer must name a channel, agency or website. */
function asksWhich(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!WHICH_WORDS.has(tokens[i] as string)) continue;
    if (WHICH_HEADS.has((tokens[i + 1] as string).replace(/^ال/, ''))) return true;
    // («which Russian outlet», «which news agency»: English puts a qualifier first)
    if (LATIN.test(tokens[i] as string) && WHICH_HEADS.has(tokens[i + 2] ?? '')) return true;
  }
  return false;
}
/** «أي», «which» before a noun. */
const WHICH_WORDS = new Set(['اي', 'باي', 'وباي', 'لاي', 'انهي', 'اية', 'which', 'what']);
/** Things a which-question asks the name of: a channel, an agency, a website, a newspaper. */
const WHICH_HEADS = new Set(['قناه', 'قنا', 'وكاله', 'وكال', 'موقع', 'صحيفه', 'صحيف', 'جريده', 'جريد', 'محطه', 'محط', 'channel', 'agency', 'outlet', 'website', 'newspaper']);
/** «بحسب/حسب/وفق X», «according to X»: X is the one speaking. */
const ACCORDING = new Set(['بحسب', 'حسب', 'وبحسب', 'وحسب', 'وفق', 'وفقا', 'according']);
/** A quotation of three words or more. */
const QUOTED = /["«“][^"»”]*\s[^"»”]*\s[^"»”]*["»”]/;
/** «عايش/ساكن/مقيم في …»: the place after these is where the asker lives. */
const RESIDENCE = new Set(['عايش', 'عايشه', 'ساكن', 'ساكنه', 'مقيم', 'مقيمه', 'اعيش', 'بعيش', 'اسكن', 'بسكن', 'نعيش', 'عايشين', 'ساكنين', 'مقيمين', 'live', 'living', 'lives']);
const RELATIVES = new Set(['الذي', 'التي', 'اللي', 'الي', 'يلي', 'اللى', 'that', 'which']);
/** Entities whose names start with a common noun that questions use alone («الجماعات …», «فصائل …»). */
const HEADED_TYPES = new Set(['group']);
/** «this/these» before a noun (MSA and dialect, with a proclitic). */
const DEMONSTRATIVES = new Set(['هذه', 'هذا', 'هاد', 'هادي', 'هاي', 'هذي', 'دي', 'ده', 'فهاد', 'فهذه', 'بهذه', 'بهاد', 'بهاي', 'في هذه', 'هادو', 'هدول', 'these', 'this']);
/** Words of an office before its country («قالت وزارة الخارجية الإيرانية»): part of who speaks, not distance from the verb. */
const OFFICE_WORDS = new Set(['وزار', 'وزاره', 'خارجيه', 'دفاع', 'وزير', 'رياسه', 'رييس', 'حكومه', 'متحدث', 'ناطق', 'مكتب', 'سفاره', 'سفير', 'ministry', 'minister', 'foreign', 'defense', 'defence', 'spokesman', 'spokesperson', 'government', 'office', 'embassy']);
/** (not two or more of them: «هل تحدث وزيرا خارجية تركيا وسوريا» is a conversation between them) */
const DUAL_OR_PLURAL = /(ا|ان|ين|ي|اء)$/;
/** Two-letter words a run-together question may contain («شو», «في», «عن», «مع», «من»). */
const SHORT_PIECES = new Set(['شو', 'في', 'عن', 'مع', 'من', 'هل', 'ما']);
/** Words that open a reply going on from the previous answer («طيب …», "ok, …"). */
const GOES_ON = new Set(['طيب', 'طب', 'طيبه', 'اوكي', 'ok', 'okay']);
/** Question words that start with «و» without being «و» + a question word. */
const OWN_WAW_WORDS = new Set(['وين', 'وينو', 'وينه', 'وينها', 'وينهم', 'واش', 'وش', 'وقتاش', 'وقتيش']);
/** «before». */
const BEFORE_WORDS = new Set(['قبل', 'وقبل', 'قبلها', 'وقبلها', 'before']);
/** Words of possibility before a verb in the present («ممكن يتقابل», «قد يلتقي»). */
const MODALS = new Set(['ممكن', 'يمكن', 'بيمكن', 'ممكنه', 'قد', 'ربما', 'يحتمل', 'محتمل']);
/** «I am …», «we are …»: a sentence about the one asking. */
const SELF_WORDS = new Set(['انا', 'اني', 'نحن', 'نحنا', 'احنا', 'i', "i'm", 'im', 'we', "we're"]);
/** The adjective that makes an office a country's («وزير الخارجية التركي»). */
const COUNTRY_ADJECTIVES: Readonly<Record<string, string>> = { turkey: 'التركي', syria: 'السوري', russia: 'الروسي', iran: 'الايراني', usa: 'الامريكي' };
/** True when the last terms are a meeting word and the countries that qualify it («الاجتماع التركي الروسي»). */
function afterMeetingWord(terms: readonly string[]): boolean {
  let i = terms.length - 1;
  while (i >= 0 && (terms[i] as string).startsWith('@')) i -= 1;
  return i >= 0 && i < terms.length - 1 && (terms[i] === 'اجتماع' || terms[i] === 'اجتماعات');
}
/** A pronoun between a described subject and its predicate («الاجتماع الذي … هو الأول»). */
const COPULAS = new Set(['هو', 'هي', 'هم', 'هما', 'هوا', 'هيا']);
/** «إن», «أن» after a verb of speaking: what follows is what was said. */
const COMPLEMENTIZERS = new Set(['ان', 'انه', 'انها', 'انهم', 'بان', 'بانه', 'بانها', 'انو', 'that']);
/** «اسمه», «was», «is called»: a name given as a claim's value. */
const NAMED_AS = new Set(['اسمه', 'اسمها', 'اسمو', 'اسمهم', 'هو', 'هي', 'كان', 'كانت', 'was', 'is', 'called', 'named']);
/** A claim put up to be checked («صح ولا غلط», «اعتقد ان …», «is that right»). */
const CLAIM_CHECK = /(^| )(صح|غلط|اعتقد|بعتقد|اظن|بظن|متاكد)( |$)|is that (right|correct|true)|(^| )i (think|heard)( |$)/;
/** A word of Arabic letters only. */
const ARABIC_WORD = /^[\u0600-\u06FF]+$/;
/** Where a clause ends within a sentence (a comma). */
const CLAUSE_BREAK = /[،,]/;
/** Where a sentence ends in a message of several («:», «.», «..», «!», «؟», a new line). */
const SENTENCE_BREAK = /[:.!?؟\n…]+/;
/** «with», after a verb of speaking: talking with someone is meeting them. */
const WITH_WORDS = new Set(['مع', 'وياه', 'ويا', 'with']);
/** The auxiliaries an English yes/no question starts with. */
const ENGLISH_AUXILIARIES = new Set(['did', 'does', 'do', 'is', 'are', 'was', 'were', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should']);
/** «in the end»: what came of it, in any question. */
/** Verbs of going back («رجع», «عادوا», "returned"). */
const RETURNED = new Set(['رجع', 'رجعوا', 'رجعو', 'رجعت', 'عاد', 'عادوا', 'عادت', 'returned', 'went']);
const AFTERMATH_END = new Set(['eventually', 'finally', 'بالنهايه', 'فالنهايه', 'بالاخير', 'فالاخير', 'في النهايه', 'في الاخير', 'in the end']);
/** «later», «after that»: afterwards only in a yes/no question («أي دولة انضمت لاحقًا» is in the articles). */
const AFTERMATH_LATER = new Set(['لاحقا', 'بعدين', 'بعدها', 'بعديها', 'later', 'afterwards', 'subsequently', 'فيما بعد', 'after that', 'بعد ذلك', 'بعد الاجتماع', 'بعد الاجتماعات', 'بعد اجتماعات', 'بعد لقاءات', 'بعد هاي الاجتماعات', 'after the meetings', 'after the talks', 'بعد هذه', 'بعد هاد', 'بعد هالاجتماع', 'بعد هالاجتماعات', 'حتي الان', 'حتي اليوم', 'لحد الان', 'لحد هلا', 'لحد هلق', 'لحد الحين', 'لحد اليوم', 'لغايه الان', 'لهلا', 'لهلق', 'لحد دلوقتي', 'لغايه دلوقتي', 'لحد دلوقت', 'لحد هسه', 'لهسه', 'so far', 'until now', 'to date']);
/** A threat or promise, and carrying one out: «هل نفذت تركيا الهجوم الذي هدد به أردوغان؟» asks what came of it. */
const THREAT = new Set(['هدد', 'هددت', 'هددو', 'هددوا', 'تهديد', 'تهديده', 'تهديدها', 'تهديدات', 'تهديداته', 'توعد', 'توعدت', 'لوح', 'لوحت', 'وعد', 'وعدت', 'threat', 'threats', 'threatened', 'promised']);
const CARRIED_OUT = new Set(['نفذ', 'نفذت', 'نفذات', 'نفذو', 'نفذوا', 'نفذتها', 'نفذته', 'شنت', 'طبق', 'طبقت', 'carried', 'launched', 'implemented', 'executed', 'fulfilled', 'kept']);
/** Words of succession in a post. */
const SUCCESSOR = new Set(['خليفه', 'خليفته', 'خلفاء', 'successor', 'succeeded', 'replaced', 'replace']);
/** A post, office or ministry (with «خلف»: succeeded in it). */
const POST = /^([بلف]|في)?(ال)?(منصب|وزار|رياس)|^(post|office|position)$/;
const BECAME = new Set(['صار', 'اصبح', 'بات', 'خلف', 'خلفه', 'became', 'succeeded', 'replaced']);
const REALLY = new Set(['فعلا', 'فعليا', 'حقا', 'really', 'actually', 'already', 'بالفعل', 'فعلن']);

/** Whether the question asks what happened after the articles (see `Analysis.aftermath`). */
function aftermathOf(tokens: readonly string[], yesno: boolean, howmany: boolean, speech: boolean): { aftermath?: 'strong' | 'weak' } {
  const words = tokens.map((t) => t.replace(/[?؟!.,،]+$/, ''));
  const joined = new Set(words.slice(0, -1).map((w, i) => `${w} ${words[i + 1]}`));
  const has = (set: ReadonlySet<string>) => words.some((w) => set.has(w)) || [...joined].some((p) => set.has(p));
  // («كم لاجئ رجع فعليًا بعد هالاجتماعات؟»: how many, since)
  // («من 2016 لهلق»: a span the articles count over, not what came after them)
  const span = words.some((w) => /^(19|20)\d\d$/.test(w));
  if (has(AFTERMATH_END) || ((yesno || howmany) && !span && has(AFTERMATH_LATER))) return { aftermath: 'strong' };
  if (words.some((w) => THREAT.has(w)) && words.some((w) => CARRIED_OUT.has(w))) return { aftermath: 'strong' };
  // («كم لاجئ رجع فعلًا؟»: how many actually went back, which the articles do not count)
  if (howmany && words.some((w) => REALLY.has(w)) && words.some((w) => RETURNED.has(w))) return { aftermath: 'strong' };
  // «مين صار وزير الدفاع بعد شويغو؟»: who succeeded whom, after the articles
  // (not «شو صار بعد اللقاء؟», what happened after it: «صار» is also "happened")
  const asksWho = words.some((w) => ['مين', 'من', 'منو', 'who'].includes(w));
  if (asksWho && words.some((w) => BECAME.has(w)) && words.some((w) => w === 'بعد' || w === 'after')) return { aftermath: 'strong' };
  // «من خلف تشاووش أوغلو في منصبه؟», «who replaced Akar?»: a successor (not «من يقف خلف …», who is behind it)
  if (words.some((w) => SUCCESSOR.has(w)) || (words.some((w) => w === 'خلف' || w === 'خلفه') && words.some((w) => POST.test(w)))) return { aftermath: 'strong' };
  // («هل تقرر فعلًا … أم ما زالت احتمالًا؟» asks where it stands, which is on record)
  const alternative = words.some((w) => ['ام', 'ولا', 'او', 'or'].includes(w));
  if (yesno && !speech && !alternative && words.some((w) => REALLY.has(w))) return { aftermath: 'weak' };
  return {};
}

/** «بحسب الخبر/التقرير …» after the question proper, to its end: the report it was read in, dropped. */
function withoutSourceClause(tokens: readonly string[]): string[] {
  for (let i = 3; i < tokens.length - 2; i++) {
    const by = tokens[i] as string;
    const what = (tokens[i + 1] as string).replace(/^ال/, '');
    if (ACCORDING.has(by) && by !== 'according' && ['خبر', 'تقرير', 'مقال', 'مقاله', 'تقارير'].includes(what)) return tokens.slice(0, i);
    if (by === 'according' && tokens[i + 1] === 'to' && ['the', 'a'].includes(tokens[i + 2] ?? '') && ['report', 'article'].includes(tokens[i + 3] ?? '') && ['on', 'about'].includes(tokens[i + 4] ?? '')) return tokens.slice(0, i);
  }
  return [...tokens];
}

/** «وبالنسبة لـ…», «وبخصوص…», «وماذا عن…», «طيب و…عن», «and what about…» at the start of a question. */
function opensContinuation(tokens: readonly string[]): boolean {
  const [a = '', b = ''] = tokens;
  if (['وبالنسبه', 'بالنسبه', 'وبخصوص', 'وفيما', 'وعن'].includes(a)) return true;
  if (['وماذا', 'وشو', 'وايش', 'ووش', 'وشنو', 'وايه', 'what', 'and', 'how'].includes(a) && ['عن', 'about', 'what'].includes(b)) return a !== 'what' || b === 'about';
  return false;
}
/** Negation between a subject and its verb («تركيا ما تريد», «دمشق لن تقبل»). */
const NEGATIONS = new Set(['ما', 'لا', 'لن', 'لم', 'مش', 'مو', 'مب', 'موش', 'ماهي', 'ماهو', 'not']);
/** Who can say something (a place or a road cannot: «موسكو» before «تصريحات» is where, not who). */
const SPEAKER_TYPES = new Set(['person', 'org', 'media', 'country', 'group']);
/** Speech nouns: the name after them is the speaker («بيان وزارة الدفاع», «حسب تصريحات تشاووش أوغلو»). */
const SPEECH_NOUN = /^[وفبل]?(ال)?(تصريح|بيان|رواي|تعليق|اعلان|تاكيد|كلام|حديث|حكي)/;
/** People described by what they are («المسؤول», «الأعضاء»): asking their name asks for a person. */
const PERSON_HEADS = new Set(['مسوول', 'مسوولين', 'مسوولون', 'وزير', 'رييس', 'متحدث', 'مبعوث', 'سفير', 'قايد', 'معاون', 'نايب', 'مدير', 'شخص', 'عضو', 'اعضا', 'official', 'officials', 'members', 'envoy', 'minister', 'spokesman', 'spokesperson']);

/**
 * True for «ما اسم المسؤول …», «من هم أعضاء …», «who is the official …»: a name-of or who-is question
 * about people described by what they are.
 */
function asksForOfficial(tokens: readonly string[]): number | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i] as string;
    let at: number;
    // «من يرأس اللجان؟», «who leads the delegation?»: the one at the head, a person
    if (WHO_WORDS.has(word) && LEAD_VERBS.has(tokens[i + 1] as string)) return i + 2;
    if (NAME_WORDS.has(word)) at = i + 1;
    else if (WHO_WORDS.has(word) && ['هو', 'هي', 'هم', 'هما', 'is', 'are', 'was', 'were'].includes(tokens[i + 1] as string)) at = i + 2;
    else continue;
    while (['the', 'of', 'الكامل', 'كامل'].includes(tokens[at] as string)) at += 1;
    const head = (bareOffice(tokens[at]) ?? '').replace(/^ال/, '');
    if (PERSON_HEADS.has(head)) return at;
    // ("the name of the UN envoy", "the Turkish official": English puts the qualifier first)
    if (LATIN.test(tokens[at] ?? '') && PERSON_HEADS.has(tokens[at + 1] ?? '')) return at;
    if (LATIN.test(tokens[at] ?? '') && LATIN.test(tokens[at + 1] ?? '') && PERSON_HEADS.has(tokens[at + 2] ?? '')) return at;
  }
  return undefined;
}

/** Verbs of heading something («يرأس», «يقود», «leads»). */
const LEAD_VERBS = new Set(['يراس', 'بيراس', 'تراس', 'يتراس', 'بتراس', 'ترئس', 'يقود', 'بيقود', 'تقود', 'قاد', 'قادت', 'heads', 'headed', 'leads', 'led', 'chairs', 'chaired', 'runs']);
/** Dialect words for «of» («تبع», «بتاع», «حق», «مال», «ديال»). */
const POSSESSIVE = new Set(['تبع', 'تبعت', 'بتاع', 'بتاعت', 'بتوع', 'حق', 'حقت', 'مال', 'مالت', 'ديال', 'متاع', 'نتاع']);
/** A ministry or service joined on with «و» («والدفاع», «والمخابرات»). */
const JOINED_MINISTRY = /^و(ال)?(دفاع|خارجيه|داخليه|مخابرات|استخبارات)$/;
const LATIN = /^[0-9]*[a-z][a-z0-9'’-]*$/;

/** Options for {@link Analyzer.analyze}. */
export interface AnalyzeOptions {
  /** Questions get typo correction and unknown-word tracking; knowledge text does not. */
  readonly mode: 'query' | 'index';
}

/**
 * Builds the matching vocabulary from a loaded knowledge base and analyzes texts with it.
 * @example
 * const analyzer = new Analyzer(loadKnowledge());
 * analyzer.analyze('مين حضر الاجتماع الرباعي؟', { mode: 'query' }).qtypes; // ['who']
 */
export class Analyzer {
  private readonly phrases = new PhraseMatcher();
  private readonly qwords = new Map<string, QuestionType>();
  private readonly stopwords: ReadonlySet<string>;
  private readonly framing: ReadonlySet<string>;
  private readonly conceptSurface = new Map<string, string>();
  private readonly conceptStem = new Map<string, string>();
  private readonly english = new Map<string, string>();
  private readonly followupWords: ReadonlySet<string>;
  private readonly genericWords: ReadonlySet<string>;
  private readonly speechTerms: ReadonlySet<string>;
  private readonly stanceTerms: ReadonlySet<string>;
  private readonly futureWords: ReadonlySet<string>;
  private readonly objectMarkers: ReadonlySet<string>;
  private readonly surfaceVocab = new Map<string, number>();
  /** Every beginning of a known Arabic word (made on the first question typed in Arabizi). */
  private arabiziPrefixes: Set<string> | undefined;
  /** Arabizi words already read (undefined: spells no known word). */
  private readonly arabiziWords = new Map<string, string | undefined>();
  private readonly stemmer: Stemmer;
  private readonly corrector: TypoCorrector;
  /** Name tokens for typo-tolerant matching, one fuse.js index per word length (±1 letter around it). */
  private readonly nameFuse = new Map<number, Fuse<{ token: string; entity: string }>>();
  private readonly nameTokensByLength = new Map<number, readonly string[]>();
  private readonly nameTokens = new Map<string, string>();
  /** The words that follow each word in a name of several words («علي» → «محمود», «عباس»). */
  private readonly nameFollowers = new Map<string, Set<string>>();
  /** People's names of two Arabic words, nine letters or more («هاكان فيدان»), for `namePair`. */
  private readonly twoWordNames: (readonly [string, string])[] = [];
  private readonly personIds = new Set<string>();
  /** People the articles do not name (see EntitySchema.unnamed). */
  private readonly unnamedIds = new Set<string>();
  /** Stems and terms that occur anywhere in the knowledge base (articles included). */
  private readonly knownTerms = new Set<string>();
  private readonly countryIds = new Set<string>();
  /** Entity id → type (person, org, country, …). */
  private readonly entityTypes = new Map<string, string>();
  /** Each person's role and aliases, to recognize their office in other spellings (see officeHolders). */
  private readonly personOffices = new Map<string, readonly string[]>();
  private holders: ReadonlyMap<string, string> | undefined;
  private parts: readonly ReadonlySet<string>[] | undefined;
  /** Each meeting's date as terms: a date that restates the meeting named next to it adds nothing. */
  private readonly meetingDates = new Map<string, ReadonlySet<string>>();
  /** Each meeting's named participants (see «a meeting named by who met»). */
  private readonly meetingPeople = new Map<string, ReadonlySet<string>>();
  private readonly cache = new Map<string, Analysis>();

  constructor(kb: Knowledge) {
    const lex = kb.lexicon;
    const norm = (s: string) => normalizeArabic(s);
    const toks = (s: string) => tokenize(norm(s));

    // 1. surface vocabulary and plain-stem frequencies over everything the knowledge base says
    const allTexts: string[] = [];
    for (const s of kb.sources.values()) allTexts.push(s.text);
    for (const f of kb.facts.values()) allTexts.push(f.text, ...(f.keywords ?? []), ...f.evidence.map((e) => e.quote));
    for (const q of kb.questions) allTexts.push(q.q);
    for (const m of kb.meetings.values()) allTexts.push(m.title, m.level, ...m.aliases, m.place ?? '', m.participantsNote ?? '');
    for (const e of kb.entities.values()) allTexts.push(e.name, ...e.aliases, e.role ?? '', e.note ?? '');
    const stemFreq = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const stemOf = new Map<string, string>();
    for (const text of allTexts) {
      for (const t of toks(text)) {
        bump(this.surfaceVocab, t);
        let stem = stemOf.get(t);
        if (stem === undefined) stemOf.set(t, (stem = lightStem(t)));
        bump(stemFreq, stem);
      }
    }
    for (const words of [
      ...Object.values(lex.concepts),
      lex.stopwords,
      lex.framing,
      ...Object.values(lex.questionWords),
      ...Object.values(lex.questionPhrases),
      ...Object.values(lex.smalltalk),
      lex.foreign,
      lex.followup,
      lex.objectMarkers,
      lex.future,
    ]) {
      for (const w of words) for (const t of toks(w)) if (!this.surfaceVocab.has(t)) this.surfaceVocab.set(t, 1);
    }
    this.stemmer = new Stemmer(stemFreq);
    this.corrector = new TypoCorrector(this.surfaceVocab);

    // 2. single-word lists
    this.stopwords = new Set(lex.stopwords.map(norm));
    this.framing = new Set(lex.framing.map(norm).filter((w) => !w.includes(' ')));
    this.followupWords = new Set(lex.followup.map(norm));
    this.genericWords = new Set(lex.generic.map(norm).filter((w) => !w.includes(' ')));
    this.stanceTerms = new Set(lex.stance.map(norm));
    this.speechTerms = new Set([...lex.speech.map(norm), ...this.stanceTerms]);
    this.futureWords = new Set(lex.future.map(norm));
    this.objectMarkers = new Set(lex.objectMarkers.map(norm));
    for (const [type, words] of Object.entries(lex.questionWords) as [QuestionType, string[]][]) {
      for (const w of words.map(norm)) {
        if (w.includes(' ')) this.phrases.add(w.split(' '), { kind: 'qphrase', value: type });
        else if (!this.qwords.has(w)) this.qwords.set(w, type);
      }
    }
    for (const [type, words] of Object.entries(lex.questionPhrases) as [QuestionType, string[]][]) {
      for (const w of words) this.phrases.add(toks(w), { kind: 'qphrase', value: type });
    }
    for (const w of lex.framing.map(norm)) if (w.includes(' ')) this.phrases.add(w.split(' '), { kind: 'framing', value: w });
    const stemConflicts = new Set<string>();
    for (const [canonical, variants] of Object.entries(lex.concepts)) {
      const canon = norm(canonical);
      for (const v of [canonical, ...variants]) {
        const vt = toks(v);
        if (vt.length > 1) {
          this.phrases.add(vt, { kind: 'concept', value: canon });
          continue;
        }
        const w = vt[0];
        if (!w) continue;
        if (!this.conceptSurface.has(w)) this.conceptSurface.set(w, canon);
        if (/^[\u0600-\u06FF]+$/.test(w)) {
          const s = this.stemmer.stem(w);
          const prev = this.conceptStem.get(s);
          if (prev !== undefined && prev !== canon) stemConflicts.add(s);
          else this.conceptStem.set(s, canon);
        }
      }
    }
    for (const s of stemConflicts) this.conceptStem.delete(s);
    for (const [word, value] of Object.entries(lex.english)) this.english.set(word.toLowerCase(), value);

    // 3. phrases: entities, meetings, out-of-scope names, small talk
    const fuseItems: { token: string; entity: string }[] = [];
    for (const e of kb.entities.values()) {
      if (e.unnamed) this.unnamedIds.add(e.id);
      if (e.type === 'person') {
        this.personIds.add(e.id);
        this.personOffices.set(e.id, [...(e.role ? [e.role] : []), ...e.aliases]);
      }
      if (e.type === 'country') this.countryIds.add(e.id);
      this.entityTypes.set(e.id, e.type);
      for (const alias of [e.name, ...e.aliases]) {
        const at = toks(alias);
        this.phrases.add(at, { kind: 'entity', value: e.id });
        if (e.type === 'person' && at.length === 2 && at.join(' ').length >= 9 && /^[\u0600-\u06FF ]+$/.test(at.join(' '))) this.twoWordNames.push([at[0] as string, at[1] as string]);
        for (let k = 1; k < at.length; k++) {
          const prev = at[k - 1] as string;
          if (!this.nameFollowers.has(prev)) this.nameFollowers.set(prev, new Set());
          this.nameFollowers.get(prev)?.add(at[k] as string);
        }
        if (at.length === 1 && (at[0] as string).length >= 4 && /^[\u0600-\u06FF]+$/.test(at[0] as string)) {
          this.nameTokens.set(at[0] as string, e.id);
          // short names with the article («الاسد») match exactly only: «الناس» is not a typo of «الاسد»
          if (!(at[0] as string).startsWith('ال') || (at[0] as string).length >= 7) fuseItems.push({ token: at[0] as string, entity: e.id });
        }
      }
    }
    for (const m of kb.meetings.values()) {
      for (const alias of m.aliases) this.phrases.add(toks(alias), { kind: 'meeting', value: m.id });
      this.meetingPeople.set(m.id, new Set(m.participants));
    }
    for (const f of lex.foreign) this.phrases.add(toks(f), { kind: 'foreign', value: norm(f) });
    // stopwords of several words («من الأول», «يا اخي») are dropped as a whole
    for (const w of lex.stopwords) if (toks(w).length > 1) this.phrases.add(toks(w), { kind: 'stop', value: '' });
    for (const [kind, words] of Object.entries(lex.smalltalk) as [SmalltalkKind, string[]][]) {
      for (const w of words) this.phrases.add(toks(w), { kind: 'smalltalk', value: kind });
    }
    // (a match differs by at most one letter in length, so each length searches only its neighbours:
    // a fraction of the names, which keeps unknown words cheap)
    const lengths = new Set(fuseItems.map((x) => x.token.length));
    for (const n of [...lengths].flatMap((l) => [l - 1, l, l + 1])) {
      if (this.nameFuse.has(n)) continue;
      const near = fuseItems.filter((x) => Math.abs(x.token.length - n) <= 1);
      this.nameTokensByLength.set(n, near.map((x) => x.token));
      this.nameFuse.set(n, new Fuse(near, { keys: ['token'], includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 3 }));
    }

    // 4. the known vocabulary: every term the knowledge base (articles included) produces
    // (index-mode analyses are cached: the catalog reuses them for the same texts)
    for (const text of allTexts) for (const t of this.analyze(text, { mode: 'index' }).terms) this.knownTerms.add(t);
    for (const m of kb.meetings.values()) {
      if (!m.date) continue;
      const tokens = isoDateTokens(m.date.resolved);
      for (const t of tokens) this.knownTerms.add(t);
      this.meetingDates.set(m.id, new Set(tokens));
    }
  }

  /** Forgets cached analyses (benchmarks measure uncached work). */
  clearCache(): void {
    this.cache.clear();
  }

  /** True when the term occurs somewhere in the knowledge base. */
  knows(term: string): boolean {
    return this.knownTerms.has(term);
  }

  /**
   * A Latin word of a message typed in Arabizi read as the Arabic word it spells, the one the
   * knowledge base uses most among those it may spell («7ader» → «حاضر», «tolathi» → «ثلاثي»);
   * undefined when it spells none.
   */
  private fromArabizi(word: string): string | undefined {
    if (this.arabiziWords.has(word)) return this.arabiziWords.get(word);
    if (this.arabiziWords.size >= 10_000) this.arabiziWords.clear();
    const reading = this.readArabizi(word);
    this.arabiziWords.set(word, reading);
    return reading;
  }

  private readArabizi(word: string): string | undefined {
    if (!this.arabiziPrefixes) {
      const prefixes = new Set<string>();
      for (const w of [...this.surfaceVocab.keys(), ...this.conceptSurface.keys(), ...this.qwords.keys()]) {
        if (!/^[\u0621-\u064A]+$/.test(w)) continue;
        for (let n = 1; n <= w.length; n++) prefixes.add(w.slice(0, n));
      }
      this.arabiziPrefixes = prefixes;
    }
    const prefixes = this.arabiziPrefixes;
    const known = (w: string) => this.surfaceVocab.has(w) || this.conceptSurface.has(w) || this.qwords.has(w);
    const readings = arabiziReadings(
      word,
      (p) => prefixes.has(p) || prefixes.has(`ال${p}`),
      (w) => w.length >= 2 && (known(w) || this.surfaceVocab.has(`ال${w}`)),
    );
    const uses = (w: string) => (this.surfaceVocab.get(w) ?? 0) + (this.surfaceVocab.get(`ال${w}`) ?? 0) + (this.conceptSurface.has(w) || this.qwords.has(w) ? 1 : 0);
    let best: string | undefined;
    for (const r of readings) if (best === undefined || uses(r) > uses(best)) best = r;
    return best === undefined || known(best) ? best : `ال${best}`;
  }

  private isKnownSurface(token: string): boolean {
    if (isNumberToken(token)) return true;
    for (const r of withoutClitics(token)) {
      if (this.surfaceVocab.has(r) || this.stopwords.has(r) || this.framing.has(r) || this.qwords.has(r) || this.englishWord(r) !== undefined) return true;
      if (this.phrases.hasFirst(r)) return true;
    }
    return this.knownTerms.has(this.stemmer.stem(token));
  }

  /**
   * A word typed without spaces split into the fewest known words (each of three letters or more, or a
   * question or function word), «وزيرالدفاعالسوري» → «وزير الدفاع السوري»; undefined when no split
   * into known words exists (at most seven pieces).
   */
  private segment(token: string): string[] | undefined {
    // (a known word with a pronoun suffix is one word: «عملياتها», «تصريحاتهم»)
    const bare = /^(.{3,}?)(هما|هم|ها|كم|نا|ه)$/.exec(token);
    if (bare && this.isKnownSurface(bare[1] as string)) return undefined;
    const n = token.length;
    const known = (w: string) => (w.length >= 3 && this.isKnownSurface(w)) || (w.length === 2 && (this.qwords.has(w) || SHORT_PIECES.has(w)));
    // best[i]: the fewest pieces for token[0, i)
    const best: (string[] | undefined)[] = [[]];
    for (let i = 1; i <= n; i++) {
      for (let j = Math.max(0, i - 20); j < i; j++) {
        const prefix = best[j];
        if (prefix === undefined || prefix.length >= 7) continue;
        const piece = token.slice(j, i);
        if (!known(piece)) continue;
        const candidate = [...prefix, piece];
        const current = best[i];
        if (current === undefined || candidate.length < current.length) best[i] = candidate;
      }
    }
    const out = best[n];
    return out !== undefined && out.length >= 2 ? out : undefined;
  }

  /** Maps one single Arabic word to its term (concept or stem); undefined for words to drop. */
  private wordTerm(token: string): string | undefined {
    const concept = this.conceptSurface.get(token);
    if (concept) return concept;
    for (const r of withoutClitics(token).slice(1)) {
      const c = this.conceptSurface.get(r);
      if (c && !this.stopwords.has(r)) return c;
    }
    // Levantine «ـو» for «ـوا» / «ـه» («يطالبو», «بدو»), and «ب»/«ح»/«ه» before an imperfect («بيطالبو»)
    if (token.length >= 4 && /^[؀-ۿ]+$/.test(token)) {
      const bare = token.replace(/^(ب|ح|ه)(?=[يتن])/, '');
      for (const r of new Set([bare, bare.endsWith('و') ? bare.slice(0, -1) : bare, bare.endsWith('و') ? `${bare}ا` : bare])) {
        const c = this.conceptSurface.get(r);
        if (c && !this.stopwords.has(r)) return c;
      }
    }
    // a future «س» and an object pronoun on a verb of a concept («سيناقشها» → «يناقش»)
    if (token.length >= 5 && /^[؀-ۿ]+$/.test(token)) {
      const bare = token.replace(/^س(?=[يتن])/, '');
      for (const r of [bare, bare.replace(/(ها|هم|هما|هن|ه)$/, '')]) {
        const c = r.length >= 4 && r !== token ? this.conceptSurface.get(r) : undefined;
        if (c && !this.stopwords.has(r)) return c;
      }
    }
    // an object pronoun after the plural «و» («بحثوه», «ناقشوها», «قالوه»): the verb «بحثوا»
    // (not a noun in «ـوة» written «ـوه»: «الخطوه», «بخطوه», a word the knowledge base has as written)
    const object = /^([؀-ۿ]{3,})و(ه|ها|هم|هما|هن)$/.exec(token);
    if (object && !/^[وف]?ال/.test(token) && !this.surfaceVocab.has(token) && !this.surfaceVocab.has(token.replace(/^[وفبلك]/, ''))) {
      const verb = `${object[1] as string}وا`;
      const c = this.conceptSurface.get(verb) ?? this.conceptSurface.get(object[1] as string);
      if (c && !this.stopwords.has(verb)) return c;
      const stem = this.stemmer.stem(verb);
      if (stem.length >= 2) return this.conceptStem.get(stem) ?? stem;
    }
    const stem = this.stemmer.stem(token);
    if (stem.length < 2) return undefined;
    return this.conceptStem.get(stem) ?? stem;
  }

  /**
   * Analyzes a text. Results for questions are cached (the analysis is pure).
   * @example
   * analyzer.analyze('امتى رح يلتقي اردوغان مع الاسد؟', { mode: 'query' });
   * // terms: ['اجتماع', '@erdogan', '@assad'], qtypes: ['when']
   */
  analyze(text: string, options: AnalyzeOptions): Analysis {
    const key = `${options.mode}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const result = this.run(text, options);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private run(text: string, { mode }: AnalyzeOptions): Analysis {
    // («منذ بدء الأزمة»: «بدء» (start) would lose its hamza and read as «بد» (want))
    const started = text.includes('بدء') ? text.replace(START_AFTER, '$1 $2بداية') : text;
    // (every rewrite below needs a Latin letter: most texts have none)
    const prepared = !LATIN_LETTER.test(started) ? started : started
      .replace(/<\/?[a-z][^<>]{0,200}>/gi, ' ')
      .replace(/https?:\/\/\S+|www\.\S+/gi, ' url ')
      .replace(/\bU\.?S\.?A?\b/g, ' usa ')
      // ("went back home": returned; "back" alone is support: "Turkey backs the rebels")
      .replace(/\b(?:went|gone|go|goes|going|come|came|coming|get|got|getting) back\b/gi, ' returned ')
      // ("won't", "don't": the negation as a word of its own, not "won" or "don")
      .replace(/\b(won|can)['’]t\b/gi, (_m, verb: string) => (verb.toLowerCase() === 'won' ? ' will not ' : ' can not '))
      .replace(/\b([a-z]+)n['’]t\b/gi, ' $1 not ')
      // ("ankaras version", "turkeys rights": a possessive typed without its apostrophe)
      .replace(/\b(turkey|ankara|syria|damascus|russia|moscow|iran|tehran|washington|erdogan|assad|lavrov|akar)s\b/gi, "$1's")
      // ("Why won't Turkey withdraw, according to its foreign minister?": the office of the country named)
      .replace(ENGLISH_OFFICE_ITS, (m: string, office: string, holder: string) => {
        const nation = /\b(turkey|syria|russia|iran)\b/i.exec(started)?.[1];
        return nation ? ` ${nation}'s ${office} ${holder} ` : m;
      })
      // ("the Iranian intelligence chief", "head of Syrian intelligence": an office in the Arabic order,
      // so that an office no article names a holder for is someone else, as «رئيس المخابرات الإيراني» is)
      .replace(ENGLISH_OFFICE, (_m, nation: string, office: string, holder: string) => ` ${englishOffice(nation, office, holder)} `)
      .replace(ENGLISH_OFFICE_OF, (_m, holder: string, nation: string, office: string) => ` ${englishOffice(nation, office, holder)} `);
    // (sentence by sentence: who is named in one sentence does not speak in the next)
    // (and clause by clause: «قبل الاجتماع الرباعي بيوم، ماذا قال …» — a «قبل» clause ends at the comma)
    const tokens: string[] = [];
    const sentenceStarts = new Set<number>();
    const clauseStarts = new Set<number>();
    // («لقاء القادة (أردوغان والأسد) غايته الصور؟»: a parenthesis is a clause of its own: who it names
    // is not the subject of what follows it)
    const asides = mode === 'query' ? this.withoutAsides(prepared) : prepared;
    const kept = mode === 'query' ? asides.replace(/[()]/g, '،') : prepared;
    for (const sentence of mode === 'query' ? kept.split(SENTENCE_BREAK) : [prepared]) {
      if (tokens.length > 0) sentenceStarts.add(tokens.length);
      for (const clause of sentence.split(CLAUSE_BREAK)) {
        if (tokens.length > 0) clauseStarts.add(tokens.length);
        tokens.push(...tokenize(normalizeArabic(clause)));
      }
    }
    const analysis = this.analyzeTokens(tokens, mode, sentenceStarts, clauseStarts);
    // («ترجملي للانجليزي: صباح الخير»: a request off the topic is off the topic, even in a sentence
    // that the asides leave out)
    if (mode === 'query' && !analysis.smalltalk.includes('offtopic')) {
      // (the tokens above are the whole text's unless asides were left out)
      const all = asides === prepared ? tokens : tokenize(normalizeArabic(prepared));
      if (all.some((_, i) => { const m = this.phrases.matchAt(all, i); return m?.kind === 'smalltalk' && m.value === 'offtopic'; })) {
        return { ...analysis, smalltalk: [...analysis.smalltalk, 'offtopic'] };
      }
    }
    const shown = mode === 'query' && analysis.foreign.length > 0 ? { foreignShown: analysis.foreign.map((f) => surfaceOf(f, prepared)) } : {};
    // «مين قال "نتقدم خطوة بخطوة من أجل تحقيق نتائج ملموسة"؟»: words quoted to be found, not asked
    return { ...analysis, ...shown, ...(mode === 'query' && QUOTED.test(prepared) ? { quotes: true } : {}) };
  }

  /**
   * A message of several sentences without the ones that carry nothing the articles know and ask
   * nothing («أنا طالب أكتب تقريرًا:», «ابي الرقم لو سمحت»): the question is in the others.
   */
  private withoutAsides(text: string): string {
    // (a quotation is what is asked about: «من قال: "نحن مستعدون …"؟»)
    if (/["«“]/.test(text)) return text;
    // (each sentence with the mark that ends it: one ending in «؟» asks something, «تشاويش اغلو؟» too)
    const sentences = [...text.matchAll(/[^:.!?؟\n…]+([:.!?؟\n…]*)/g)].map((m) => ({ text: m[0], asks: /[?؟]/.test(m[1] ?? '') })).filter((x) => x.text.trim() !== '' && tokenize(x.text).length > 0);
    if (sentences.length < 2) return text;
    const kept = sentences.filter(({ text: x, asks }) => {
      const tokens = tokenize(normalizeArabic(x));
      if (asks || tokens.some((t) => this.qwords.has(t))) return true;
      // («أنا طالب أكتب تقريرًا», «نحنا كرد بالشمال وخايفين»: who is asking, not what)
      if (SELF_WORDS.has(tokens[0] ?? '')) return false;
      const content = (t: string) => !this.stopwords.has(t) && !this.framing.has(t) && this.knownTerms.has(this.wordTerm(t) ?? '');
      return tokens.some((t, i) => this.phrases.matchAt(tokens, i)?.kind === 'entity' || this.phrases.matchAt(tokens, i)?.kind === 'meeting' || content(t));
    });
    return kept.length > 0 && kept.length < sentences.length ? kept.map((x) => x.text).join(' . ') : text;
  }

  private analyzeTokens(input: readonly string[], mode: AnalyzeOptions['mode'], sentenceStarts: ReadonlySet<number> = new Set(), clauseStarts: ReadonlySet<number> = new Set()): Analysis {
    let tokens = [...input];
    // «… بحسب الخبر عن موعد لقاء وزيري الخارجية»: which report it was in, not what is asked
    if (mode === 'query') tokens = withoutSourceClause(tokens);
    const corrections: [string, string][] = [];
    const unknown: string[] = [];
    const unknownTerms: string[] = [];
    const genericTerms: string[] = [];
    if (mode === 'query') {
      const fixedTokens: string[] = [];
      // «meen 7ader el ejtima3 el tolathi»: Latin words that are neither English nor a name, read back
      // into Arabic letters
      const arabizi = looksArabizi(tokens, (t) => this.englishWord(t) !== undefined || this.phrases.hasFirst(t));
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k] as string;
        if (arabizi && LATIN.test(t) && this.englishWord(t) === undefined) {
          const phrase = this.phrases.matchAt(tokens, k);
          if (phrase) {
            fixedTokens.push(...tokens.slice(k, k + phrase.length));
            k += phrase.length - 1;
            continue;
          }
          const reading = this.fromArabizi(t);
          if (reading) {
            corrections.push([t, reading]);
            fixedTokens.push(reading);
            continue;
          }
        }
        // «هكان فيدن»: a two-word name with a letter left out of each word
        const pair = this.namePair(t, tokens[k + 1]);
        if (pair) {
          corrections.push([`${t} ${tokens[k + 1]}`, pair.join(' ')]);
          fixedTokens.push(...pair);
          k += 1;
          continue;
        }
        const prev = fixedTokens[fixedTokens.length - 1];
        // «تركيا … حسب وزير خارجيتها»: the office of the country the question is about
        const office = /^(خارجيت|دفاع)(ها|ه|هم|هما)$/.exec(t);
        if (office && prev !== undefined && /^و?وزير$/.test(prev)) {
          const country = this.topicCountry(fixedTokens);
          const adjective = country !== undefined ? COUNTRY_ADJECTIVES[country] : undefined;
          if (adjective) {
            fixedTokens.push(office[1] === 'دفاع' ? 'الدفاع' : 'الخارجيه', adjective);
            continue;
          }
        }
        // (a name's next word first: «عباش» reads as a known stem on its own)
        const fixed = this.nameAfter(prev, t) ?? (t.length < 4 || this.isKnownSurface(t) || LATIN.test(t) ? undefined : (this.dialectSpelling(t) ?? this.verbForm(t) ?? this.correct(t) ?? this.fuzzyName(t)));
        // «وزيرالدفاعالسوري», «نيدبرايس»: words typed without spaces, when no spelling fix reads the
        // word and every piece is a known word («شوقال»: a question word glued to a verb, shorter)
        const glued = t.length >= 6 || (t.length >= 5 && SHORT_PIECES.has(t.slice(0, 2)));
        const pieces = fixed === undefined && glued && !LATIN.test(t) && !/^[بلعف]?هال/.test(t) && !this.isKnownSurface(t) ? this.segment(t) : undefined;
        if (pieces) {
          corrections.push([t, pieces.join(' ')]);
          fixedTokens.push(...pieces);
          continue;
        }
        if (fixed) corrections.push([t, fixed]);
        fixedTokens.push(fixed ?? t);
      }
      tokens = fixedTokens;
    }
    const named = mode === 'query' ? this.asksForName(tokens) : undefined;
    // («شو اسم الوكالة اللي نقلت …» asks which medium, like «أي وكالة»)
    const nameOfMedium = named !== undefined && WHICH_HEADS.has(named.replace(/^ال/, '').replace(/^وكال$/, 'وكاله'));
    const asksName = nameOfMedium ? undefined : named;
    const asksMedia = mode === 'query' && (nameOfMedium || asksWhich(tokens));
    // (the token where the office asked about starts, and the person it names, if the articles know them)
    const officialAt = mode === 'query' ? asksForOfficial(tokens) : undefined;
    const asksOfficial = officialAt !== undefined;
    // (the office's name may start a word or two later: "the new UN envoy")
    const officeMatch = officialAt !== undefined ? [0, 1, 2].map((k) => this.phrases.matchAt(tokens, officialAt + k)).find((m) => m?.kind === 'entity') : undefined;
    const officeHolder = officeMatch?.kind === 'entity' && this.personIds.has(officeMatch.value) && !this.unnamedIds.has(officeMatch.value) ? officeMatch.value : undefined;
    const asksBody = mode === 'query' && this.asksWhoIsBody(tokens);
    const asksCity = mode === 'query' && tokens.some((t, i) => (t === 'اي' || t === 'باي' || t === 'وباي' || t === 'which' || t === 'what') && CITY_WORDS.has(tokens[i + 1] ?? ''));
    // «وزير الدفاع تبع النظام», «وزير خارجية بتاع تركيا»: the office of that country
    tokens = tokens.filter((t, i) => {
      if (!POSSESSIVE.has(t)) return true;
      const before = bareOffice(tokens[i - 1]);
      const next = this.phrases.matchAt(tokens, i + 1);
      return !(before !== undefined && (OFFICE.has(before) || OFFICE_HOLDER.has(before)) && next?.kind === 'entity' && this.countryIds.has(next.value));
    });
    // «هالمعلومات», «هالموعد»: Levantine «this» glued to a noun points back to what was said
    const backRefs = new Set<string>();
    if (mode === 'query') {
      // «شتريد», «شيقول»: Iraqi and Gulf «ش» (what) glued to a verb
      tokens = tokens.flatMap((t) => (/^ش[تينا][؀-ۿ]{2,}$/.test(t) && !this.isKnownSurface(t) && this.isKnownSurface(t.slice(1)) ? ['شو', t.slice(1)] : [t]));
      tokens = tokens.map((t, i, all) => {
        // «المتحدث بسم …»: «باسم» without its alif
        if (t === 'بسم' && /(متحدث|ناطق)$/.test(all[i - 1] ?? '')) return 'باسم';
        // (also after a preposition: «بهالمحادثات», «عهالموضوع», «لهالاجتماع»)
        const m = /^([بلعف]?)هال([؀-ۿ]{3,})$/.exec(t);
        if (!m || this.followupWords.has(t)) return t;
        const noun = `${m[1]}ال${m[2]}`;
        backRefs.add(noun);
        return noun;
      });
      // «نيد براس»: the second word of a person's two-word name, one letter off, after its exact first
      // word (even when it is a word of its own: «براس»)
      for (let i = 1; i < tokens.length; i++) {
        const t = tokens[i] as string;
        if (t.length < 4) continue;
        const seconds = this.phrases.secondWords(tokens[i - 1] as string, (id) => this.personIds.has(id));
        if (seconds.includes(t)) continue;
        const fixed = seconds.find((w) => w.length >= 4 && editDistance(t, w, 1) <= 1);
        if (fixed) {
          corrections.push([t, fixed]);
          tokens[i] = fixed;
        }
      }
    }
    const terms: string[] = [];
    const entities = new Set<string>();
    const meetings = new Set<string>();
    const qtypes = new Set<QuestionType>();
    const foreign: string[] = [];
    const smalltalk: SmalltalkKind[] = [];
    let followup = backRefs.size > 0;
    let framed = false;
    let future = false;
    // who speaks: entities right after a speech word (before any object marker), else those before it
    const speech = { state: 'before' as 'before' | 'after' | 'object', gap: 0 };
    const beforeSpeech: string[] = [];
    const afterSpeech: string[] = [];
    // what is counted: the first word after «كم / ما عدد», and the entity right after it
    let countState: 'none' | 'head' | 'modifier' | 'done' = 'none';
    let count: { head: string; modifier?: string } | undefined;
    let preModifier: string | undefined; // «how many US troops»: English puts the qualifier first
    // the token being read, and the last entity named with the token after it (see «who speaks»)
    let cursor = 0;
    let meetingEnd = -1;
    let aboutFrom = -1;
    let inRelative = false;
    let metBefore = false;
    // «… اسمه لافروف، صح؟»: the name put up to be checked (see `Analysis.claimed`)
    const claimed: string[] = [];
    // (and a name the articles do not know at all, «… was Mohammad Bagheri, is that right?»: its words)
    const claimedWords = new Set<string>();
    if (mode === 'query' && CLAIM_CHECK.test(tokens.join(' '))) {
      for (let k = 0; k < tokens.length - 1; k++) {
        if (!NAMED_AS.has(tokens[k] as string)) continue;
        const m = this.phrases.matchAt(tokens, k + 1);
        if (m?.kind === 'entity') claimed.push(m.value);
        else for (let j = k + 1; j <= k + 3 && j < tokens.length && !this.stopwords.has(tokens[j] as string); j++) claimedWords.add(tokens[j] as string);
      }
    }
    const eachOf = tokens.some((t, i) => (t === 'كل' || t === 'كلا') && tokens[i + 1] === 'من') || tokens.includes('both');
    // «هل تحدث وزيرا الخارجية مع بعضهما؟», «did they talk to each other»: talking together is meeting
    const eachOther = tokens.some((t, i) => (t === 'مع' && /^بعض(هما|هم|هن|ها)?$/.test(tokens[i + 1] ?? '')) || (t === 'each' && tokens[i + 1] === 'other'));
    let lastEntity: { id: string; end: number } | undefined;
    // the next terms after «قبل»/«بعد» (see timingTerms)
    const timingTerms: string[] = [];
    let timing = 0;
    // (the terms of a «الذي …» clause right after a meeting word: they describe which meeting)
    const describingTerms: string[] = [];
    let describing = false;
    const emit = (term: string) => {
      terms.push(term);
      if (timing > 0) {
        timing -= 1;
        timingTerms.push(term);
        if (describing) describingTerms.push(term);
      }
      const isEntity = term.startsWith('@');
      if (this.speechTerms.has(term) && (eachOther || this.talksWith(tokens, cursor + 1, !qtypes.has('what'))) && !this.stanceTerms.has(term)) {
        // «حكا مع نظرائه», «تحدث تشاووش أوغلو مع المقداد»: talked with them, a meeting, not a statement
        terms[terms.length - 1] = 'اجتماع';
      } else if (this.speechTerms.has(term)) {
        // «من قال …», «أي جهة أعلنت …»: the speaker is what is asked, the names after the verb are what was said
        if (speech.state === 'before') speech.state = terms.length === 1 && qtypes.has('who') ? 'object' : 'after';
        // «أردوغان قال إنه ممكن يلتقي بالأسد»: a speaker named right before the verb (not a noun: «حسب
        // تصريحات …») is its subject; the names after it are what was said
        // («تركيا غيرت رأيها بالأسد»: «رأيها» is hers, the one named before; «بالأسد» is whom it is about)
        const possessed = /^[؀-ۿ]{3,}(ها|هم|هما)$/.test(tokens[cursor] ?? '') || /^(موقفه|رايه|رويته|نظرته)$/.test(tokens[cursor] ?? '');
        const sameClause = lastEntity !== undefined && !(clauseStarts.has(cursor) && lastEntity.end === cursor);
        const adjacent = lastEntity !== undefined && sameClause && (possessed || tokens.slice(lastEntity.end, cursor).every((t) => NEGATIONS.has(t)));
        if (speech.state === 'after' && lastEntity !== undefined && adjacent && SPEAKER_TYPES.has(this.entityTypes.get(lastEntity.id) ?? '') && !SPEECH_NOUN.test(tokens[cursor] ?? '')) {
          speech.state = 'object';
          beforeSpeech.splice(0, beforeSpeech.length, lastEntity.id);
        }
      } else if (isEntity && SPEAKER_TYPES.has(this.entityTypes.get(term.slice(1)) ?? '')) {
        // (only who can speak: «مسار أستانا», «موسكو» are what or where)
        if (speech.state === 'before') beforeSpeech.push(term.slice(1));
        else if (speech.state === 'after') afterSpeech.push(term.slice(1));
      } else if (speech.state === 'after' && afterSpeech.length === 0 && OFFICE_WORDS.has(term) && DUAL_OR_PLURAL.test(tokens[cursor] ?? '')) {
        speech.state = 'object';
      } else if (speech.state === 'after' && afterSpeech.length === 0 && !OFFICE_WORDS.has(term) && ++speech.gap > 1) {
        // «هل أكدت الأطراف احترام وحدة أراضي سوريا»: an entity this far from the verb is not its subject
        speech.state = 'object';
      }
      if (countState === 'head' && isEntity) {
        preModifier = term;
      } else if (countState === 'head' && !term.startsWith('t:') && !NOT_COUNTED.has(term) && (COUNT_HEAD[term] !== undefined || DEGREE_HEADS.has(term) || !this.genericWords.has(term))) {
        const head = COUNT_HEAD[term] ?? term;
        count = preModifier ? { head, modifier: preModifier } : { head };
        countState = preModifier ? 'done' : 'modifier';
      } else if (countState === 'modifier') {
        // («الجنود الأتراك»: a country qualifies the noun; not the person who comes next, "how many troops did Trump …")
        if (isEntity && count && this.entityTypes.get(term.slice(1)) !== 'person') count = { ...count, modifier: term };
        countState = 'done';
      }
    };
    const startCount = (type: QuestionType) => {
      if ((type === 'howmany' || type === 'howlong') && countState === 'none') countState = 'head';
    };
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i] as string;
      cursor = i;
      // «بحسب أردوغان، …», «according to Lavrov»: what that speaker said
      if (mode === 'query' && ACCORDING.has(token) && speech.state === 'before') {
        const next = this.phrases.matchAt(tokens, token === 'according' && tokens[i + 1] === 'to' ? i + 2 : i + 1);
        if (next?.kind === 'entity' && SPEAKER_TYPES.has(this.entityTypes.get(next.value) ?? '')) {
          emit('قال');
          speech.state = 'object';
          beforeSpeech.splice(0, beforeSpeech.length, next.value);
        }
      }
      // («بعد أي خطوة …؟», «after which step»: what is asked, not a clause that dates it)
      // («يعني رح يرجعونا عسوريا؟؟ شو قالو عن اللاجئين؟»: Syria is no speaker of the next sentence)
      if (clauseStarts.has(i)) timing = 0;
      // («هل كان الاجتماع الذي ضم أكار وعباس هو الأول من نوعه؟»: the pronoun ends the clause, the predicate follows)
      if (timing > 0 && COPULAS.has(token)) timing = 0;
      // (a clause that starts with a question of its own, «…، ومن أعلن ذلك؟», has its own speaker)
      const ownQuestion = clauseStarts.has(i) && (this.qwords.has(token) || this.qwords.has(token.replace(/^و/, '')));
      if ((sentenceStarts.has(i) || ownQuestion) && speech.state === 'before') {
        beforeSpeech.length = 0;
        lastEntity = undefined;
      }
      if (TIMING_WORDS.has(token) && mode === 'query' && !WHICH_WORDS.has(tokens[i + 1] ?? '') && !this.qwords.has(tokens[i + 1] ?? '')) timing = TIMING_SPAN;
      // («هل تحدثا قبل مسار التطبيع؟»: whether they met before it; not «هل يشترط شيئًا قبل اللقاء؟»)
      if (BEFORE_WORDS.has(token) && terms.includes('اجتماع')) metBefore = true;
      // «الاجتماع الثلاثي الذي عقد في أواخر 2022»: a clause that identifies a named meeting, not what is asked
      // («إيمتى موعد الانتخابات اللي أثرت على لقاء أردوغان والأسد؟», «أين يقع طريق M4 الذي نوقش في
      // الاجتماع الرباعي؟»: a clause about another thing, which names the meeting to say which one, in a
      // «when» or «where» question about something else)
      // («اجتماع نواب وزراء الخارجية في موسكو الذي عقد في آذار»: after the meeting's place, too)
      const placeAfterMeeting = meetingEnd >= 0 && meetingEnd < i && i - meetingEnd <= 2 && lastEntity !== undefined && lastEntity.end === i && this.entityTypes.get(lastEntity.id) === 'place';
      if (timing === 0) describing = false;
      if (RELATIVES.has(token) && mode === 'query' && (meetingEnd === i || placeAfterMeeting)) timing = TIMING_SPAN;
      // («ما موضوع الاجتماع التركي الروسي الذي ضم تشاووش أوغلو وأكار …»: which meeting, by who was there)
      else if (RELATIVES.has(token) && mode === 'query' && afterMeetingWord(terms)) {
        timing = CLAUSE_SPAN;
        describing = true;
      }
      else if (RELATIVES.has(token) && mode === 'query' && meetingEnd < 0 && (qtypes.has('when') || qtypes.has('where')) && terms.length > 0 && !terms.some((t) => t === 'اجتماع' || t === 'اجتماعات')) timing = CLAUSE_SPAN;
      // («بحسب المسؤول التركي الكبير الذي تحدث لرويترز عن مسار التطبيع»: who the speaker is, not what is asked)
      else if (RELATIVES.has(token) && mode === 'query' && lastEntity !== undefined && lastEntity.end >= i - 2 && ['person', 'org', 'media'].includes(this.entityTypes.get(lastEntity.id) ?? '') && terms.some((t) => this.speechTerms.has(t))) timing = CLAUSE_SPAN;
      if (this.followupWords.has(token)) followup = true;
      if (!future && (this.isFutureWord(token) || this.isModalFuture(tokens, i))) future = true;
      if (this.objectMarkers.has(token) && speech.state === 'after') speech.state = 'object';
      // «ماذا قال أردوغان عن اللاجئين»: what follows «عن» after a speech verb is what was said about
      // («… بحسب المسؤول الذي تحدث لرويترز عن مسار التطبيع»: a clause about the speaker, not what is asked)
      if (RELATIVES.has(token) && terms.some((t) => this.speechTerms.has(t))) inRelative = true;
      // («قال X إن الوفد في موسكو … حول الانسحاب»: after «إن» comes what was said, not what it was about)
      if (COMPLEMENTIZERS.has(token) && terms.some((t) => this.speechTerms.has(t))) {
        inRelative = true;
        // («ذكر الخبر أن دمشق سحقت …»: who is named after «أن» is what was said, not who said it)
        if (speech.state === 'after' && afterSpeech.length === 0) speech.state = 'object';
      }
      if (ABOUT_MARKERS.has(token) && terms.some((t) => this.speechTerms.has(t)) && aboutFrom < 0 && !inRelative) aboutFrom = terms.length;
      const date = matchDate(tokens, i);
      if (date) {
        for (const t of date.tokens) emit(t);
        i += date.length;
        continue;
      }
      let phrase = this.phrases.matchAt(tokens, i);
      // «اجتماع وزيري الخارجية والدفاع»: a ministry joined on makes it another, wider meeting than
      // the alias («اجتماع وزيري الخارجية») names; its words count one by one
      if (phrase?.kind === 'meeting' && JOINED_MINISTRY.test(tokens[i + phrase.length] ?? '')) phrase = undefined;
      if (phrase && !(phrase.length === 1 && phrase.kind === 'smalltalk' && terms.length > 0)) {
        if (phrase.length > 1 && this.followupWords.has(tokens.slice(i, i + phrase.length).join(' '))) followup = true;
        switch (phrase.kind) {
          case 'entity':
            // «وزير الدفاع الأمريكي», «رئيس المخابرات السورية»: an office the knowledge base has no
            // holder for (known holders are aliases: «وزير الدفاع التركي» is Akar) is someone else
            // (unless the holder's name follows: «المبعوث الروسي لافرنتييف»); another spelling of a known
            // office («رئيس المخابرات التركي» for «… التركية») is its holder
            if (this.countryIds.has(phrase.value) && !this.isPersonTerm(this.peekEntity(tokens, i + phrase.length))) {
              const words = officeWords(tokens, i);
              if (words > 0) {
                const holder = this.officeHolders().get(this.officeSignature(tokens, i - words, i + phrase.length));
                if (holder) {
                  // as if the alias had matched: the office words become the person
                  for (let k = 1; k <= words; k++) {
                    const word = bareOffice(tokens[i - k]) as string;
                    if (terms[terms.length - 1] === (this.wordTerm(word) ?? word)) terms.pop();
                  }
                  emit(`@${holder}`);
                  entities.add(holder);
                  lastEntity = { id: holder, end: i + phrase.length };
                  break;
                }
                // «الوزير الروسي» with no ministry: one of the known Russian ministers, not someone else
                const parts = this.officeSignature(tokens, i - words, i + phrase.length).split('|');
                const known = words === 1 && this.officeParts().some((k) => parts.every((p) => k.has(p)));
                // («نيد برايس المتحدث الأمريكي»: the office right after a person's name describes them)
                const apposition = lastEntity !== undefined && lastEntity.end === i - words && this.entityTypes.get(lastEntity.id) === 'person' && !/^و/.test(tokens[i - words] ?? '');
                if (!known && !apposition) foreign.push(tokens.slice(i - words, i + phrase.length).join(' '));
              }
            }
            emit(`@${phrase.value}`);
            entities.add(phrase.value);
            lastEntity = { id: phrase.value, end: i + phrase.length };
            // in the knowledge base, «الجماعات المسلحة السورية» is also «الجماعات»: a question asking
            // «ما الجماعات التي تدعمها أنقرة» names no group but the head noun
            if (mode !== 'query' && phrase.length > 1 && HEADED_TYPES.has(this.entityTypes.get(phrase.value) ?? '')) {
              const head = this.wordTerm(tokens[i] as string);
              if (head && !this.stopwords.has(tokens[i] as string)) emit(head);
            }
            break;
          case 'meeting':
            emit(`#${phrase.value}`);
            meetings.add(phrase.value);
            meetingEnd = i + phrase.length;
            break;
          case 'foreign':
            // «انا لاجئ عايش باسطنبول»: where the asker lives is context, not what is asked
            if (!RESIDENCE.has(tokens[i - 1] ?? '') && !(['في', 'in'].includes(tokens[i - 1] ?? '') && RESIDENCE.has(tokens[i - 2] ?? ''))) foreign.push(phrase.value);
            break;
          case 'qphrase':
            qtypes.add(phrase.value as QuestionType);
            startCount(phrase.value as QuestionType);
            break;
          case 'concept':
            emit(phrase.value);
            break;
          case 'smalltalk':
            smalltalk.push(phrase.value as SmalltalkKind);
            break;
          case 'framing':
            framed = true;
            break;
          case 'stop':
            break;
        }
        i += phrase.length;
        continue;
      }
      i += 1;
      if (LATIN.test(token)) {
        const en = this.englishWord(token);
        if (en === undefined) {
          if (token.length > 1 && mode === 'query') {
            unknown.push(token);
            unknownTerms.push(token);
          }
          if (token.length > 1) emit(token);
          continue;
        }
        if (en.startsWith('?')) {
          qtypes.add(en.slice(1) as QuestionType);
          startCount(en.slice(1) as QuestionType);
        } else if (this.speechTerms.has(en) && speech.state === 'before') {
          // English puts the speaker before the verb: «what did Lavrov say about Iran»
          emit(en);
          speech.state = 'object';
          continue;
        }
        else if (en !== '-') for (const w of tokenize(normalizeArabic(en))) {
          const term = this.wordTerm(w);
          if (term) emit(term);
        }
        continue;
      }
      const clitic = (token.startsWith('و') || (/^[فبل]/.test(token) && token.length >= 4)) && !this.qwords.has(token);
      const qtype = this.qwords.get(token) ?? (clitic ? this.qwords.get(token.slice(1)) : undefined);
      if (qtype) {
        const bare = clitic ? token.slice(1) : token;
        // «من»/«ما» ask only at the start («متى من المتوقع …» is «when is it expected»)
        if (!POSITIONAL_QWORDS.has(bare) || (terms.length === 0 && qtypes.size === 0)) {
          qtypes.add(qtype);
          startCount(qtype);
          continue;
        }
      }
      if (this.framing.has(token) || withoutClitics(token).some((r) => r !== token && this.framing.has(r))) {
        framed = true;
        continue;
      }
      // «وبالنسبة», «بأنه», «لأنه»: a stopword with a proclitic before it
      if (this.stopwords.has(token) || (/^[وبلفك]/.test(token) && token.length > 2 && this.stopwords.has(token.slice(1)))) continue;
      if (isNumberToken(token)) {
        emit(token);
        continue;
      }
      let term = this.wordTerm(token);
      if (mode === 'query' && term !== undefined && !this.knownTerms.has(term) && this.cliticOnKnown(token)) term = this.wordTerm(token.slice(1)); // «لحل»
      if (!term) continue;
      const unknownWord = mode === 'query' && !this.knownTerms.has(term) && !this.nameTokens.has(token);
      // «هاكان فيدن»: an unknown word next to a person's name is part of the name
      if (unknownWord && !this.conceptSurface.has(token) && (this.isPersonTerm(terms[terms.length - 1]) || this.isPersonTerm(this.peekEntity(tokens, i)))) continue;
      emit(term);
      // generic question vocabulary («ابرز», «طبيعه», «جرت»): weighs little whether the articles use it or not
      // (what «هال…» points back to is the previous answer's subject, not new content)
      // («هذه المفاوضات», «فهاد المفاوضات»: the talks in general, not one meeting)
      const demonstrated = (term === 'اجتماع' || term === 'اجتماعات') && DEMONSTRATIVES.has(tokens[i - 2] ?? '');
      if (this.isGeneric(token, term) || backRefs.has(token) || demonstrated) genericTerms.push(term);
      if (unknownWord) {
        unknown.push(token);
        unknownTerms.push(term);
      }
    }
    // «وشكد مهم؟», «قديش مهم؟», «قديش رح يكون مستواه؟»: how important, how high, a degree, not a number
    if (count !== undefined && DEGREE_HEADS.has(count.head)) {
      qtypes.delete('howmany');
      qtypes.add('what');
      count = undefined;
    }
    // «ما هو التاريخ المحدد لـ…؟» asks when
    if (mode === 'query' && ASKS_DATE.test(tokens.join(' '))) qtypes.add('when');
    // «أي مسؤول تركي قال …؟», "Which Turkish official said …?" asks who
    if (mode === 'query' && ASKS_WHICH_PERSON.test(tokens.join(' '))) qtypes.add('who');
    // «… كان سنة 2021، صح ولا غلط؟», «…, is that right?»: a claim to check is a yes/no question
    if (mode === 'query' && qtypes.size === 0 && CLAIM_CHECK.test(tokens.join(' '))) qtypes.add('yesno');
    // «Did Lavrov attend…?», «Will Assad…?»: an English yes/no question starts with its auxiliary
    if (mode === 'query' && qtypes.size === 0 && ENGLISH_AUXILIARIES.has(tokens[0] ?? '')) qtypes.add('yesno');
    // «لقاء اردغان والأسد»: a meeting named by who met, when only one meeting had them all
    // (a misspelt name does not break it the way it breaks the meeting's alias)
    if (mode === 'query' && meetings.size === 0 && terms.includes('اجتماع')) {
      // (not the one speaking about it: «ماذا قال جاويش أوغلو عن لقاء أردوغان والأسد»)
      const speaking = afterSpeech.length > 0 ? afterSpeech.slice(0, 1) : speech.state !== 'before' ? beforeSpeech : [];
      const people = [...entities].filter((e) => this.personIds.has(e) && !speaking.includes(e) && !claimed.includes(e));
      const having = people.length >= 2 ? [...this.meetingPeople].filter(([, p]) => people.every((x) => p.has(x))) : [];
      if (having.length === 1) {
        const [id] = having[0] as [string, ReadonlySet<string>];
        meetings.add(id);
        terms.push(`#${id}`);
      }
    }
    // (the unknown words of a name put up to be checked are not asked about)
    for (let i = unknown.length - 1; i >= 0; i--) {
      if (!claimedWords.has(unknown[i] as string)) continue;
      const at = terms.indexOf(unknownTerms[i] as string);
      if (at >= 0) terms.splice(at, 1);
      unknown.splice(i, 1);
      unknownTerms.splice(i, 1);
    }
    // «الاجتماع الثلاثي المنعقد في 28 كانون الأول»: the date only restates the meeting named
    if (meetings.size > 0) {
      const restated = (t: string) => t.startsWith('t:') && [...meetings].some((m) => this.meetingDates.get(m)?.has(t));
      for (let i = terms.length - 1; i >= 0; i--) if (restated(terms[i] as string)) terms.splice(i, 1);
    }
    // (a speech verb only in a clause that says which meeting, «اجتماع … اللي حكى عنه كالن», is not
    // what is asked: the question is about the meeting, not about what Kalin said)
    const speechCount = (list: readonly string[]) => list.filter((t) => this.speechTerms.has(t)).length;
    const saying = speechCount(terms) > speechCount(timingTerms);
    return {
      terms,
      entities: [...entities],
      meetings: [...meetings],
      qtypes: [...qtypes],
      unknown,
      unknownTerms,
      genericTerms,
      timingTerms,
      ...(describingTerms.length > 0 ? { describingTerms } : {}),
      aboutTerms: aboutFrom >= 0 ? terms.slice(aboutFrom).filter((t) => (t.startsWith('@') ? !this.countryIds.has(t.slice(1)) : !t.startsWith('#'))) : [],
      foreign,
      speech: saying,
      ...(saying ? { speechKind: terms.some((t) => this.speechTerms.has(t) && !this.stanceTerms.has(t)) ? ('said' as const) : ('stance' as const) } : {}),
      // («متى بيجتمع …؟»: a spoken present after «when» is what will happen)
      future: future || (mode === 'query' && qtypes.has('when') && tokens.some((t) => /^بي[؀-ۿ]{3,}$/.test(t) && this.isKnownSurface(t.slice(1)))),
      // (after the verb, the first name is its subject: «تطالب دمشق أنقرة …» is Damascus's demand)
      // («ماذا قال كل من تشاووش أوغلو وأكار»: each of them)
      speakers: !saying ? [] : afterSpeech.length > 0 ? (eachOf ? afterSpeech : afterSpeech.slice(0, 1)) : speech.state !== 'before' ? beforeSpeech : [],
      ...(count ? { count } : {}),
      ...(asksName ? { asksName } : {}),
      // «من هو المبعوث الأممي؟», «ما اسم المسؤول التركي الذي تحدث لرويترز؟» (no known person named)
      ...(asksBody || (asksOfficial && ![...entities].some((e) => this.personIds.has(e) && !this.unnamedIds.has(e))) ? { asksPerson: true } : {}),
      // «وش اسم وزير الدفاع السوري اللي قابل أكار؟»: the name of the people it names by office
      ...(officeHolder ? { asksNames: [officeHolder] } : {}),
      ...(officeMatch?.kind === 'entity' && this.unnamedIds.has(officeMatch.value) ? { asksUnnamed: officeMatch.value } : {}),
      ...(asksCity ? { asksCity } : {}),
      ...(asksMedia ? { asksMedia } : {}),
      followup,
      ...(mode === 'query' && opensContinuation(input) ? { continues: true } : {}),
      ...(mode === 'query' && this.startsWithAnd(input) ? { conjoined: true } : {}),
      ...(mode === 'query' && metBefore ? { before: true } : {}),
      ...(claimed.length > 0 ? { claimed } : {}),
      ...(mode === 'query' && (input.some((t) => COMPARE_WORDS.has(t)) || input.some((t) => WHICH_OF_TWO.has(t.replace(/[?؟:،,]+$/, '')))) ? { compares: true } : {}),
      ...(mode === 'query' && input.some((t) => COMPARE_WORDS.has(t)) ? { comparesWords: true } : {}),
      ...(mode === 'query' && input.some((t) => CONCESSIVE_WORDS.has(t)) ? { concedes: true } : {}),
      ...(mode === 'query' && (input.some((t) => EXACT_WORDS.has(t)) || /(اليوم|يوم) و ?(الشهر|شهر)/.test(input.join(' '))) ? { exact: true } : {}),
      ...(mode === 'query' && ASKS_DATE.test(input.join(' ')) ? { asksDate: true } : {}),
      ...(mode === 'query' && ASKS_CLOCK.test(input.join(' ')) ? { asksClock: true } : {}),
      ...(mode === 'query' && ASKS_SINCE.test(input.join(' ')) ? { since: true } : {}),
      ...(mode === 'query' ? orderAsked(input) : {}),
      ...(mode === 'query' && ASKS_OPINION.test(input.join(' ')) ? { opinion: true } : {}),
      ...(mode === 'query' && input.some((t) => THEY_WORDS.test(t.replace(/[?؟:،,]+$/, ''))) ? { they: true } : {}),
      ...(mode === 'query' && (input.some((t) => SAID_BEFORE.test(t.replace(/[?؟:،,]+$/, ''))) || /(^| )(قال|قالت|قالوا|حكى|حكي) (هيك|هذا|ذلك|هاد|هالشي)( |$|[؟?])|(said|say) (that|this|it)|(^| )(هذه|هذي|هاي|تلك) (المعلومات|المعلومه|الاخبار|الرواية|الروايه)( |$|[؟?])|(^| )(هالمعلومات|هالمعلومه|هالاخبار|هالخبر)( |$|[؟?])|(this|that) (information|report|claim)/.test(input.join(' '))) ? { saidBefore: true } : {}),
      ...(mode === 'query' && input.some((t) => AGAINST_WORDS.has(t.replace(/[?؟:،,]+$/, '')) ) ? { against: true } : {}),
      ...(mode === 'query' ? aftermathOf(input, qtypes.has('yesno'), qtypes.has('howmany'), saying) : {}),
      framed,
      smalltalk,
      corrections,
      tokenCount: tokens.length,
      words: this.contentWords(tokens),
    };
  }

  /**
   * A text's content words as written: normalized, without a proclitic and the article, without
   * function and question words — for comparing wording rather than meaning («القمة» is not «المحادثة»
   * although both are meetings).
   * @example
   * analyzer.words('على هامش قمة إقليمية'); // ['هامش', 'قمه', 'اقليميه']
   */
  words(text: string): string[] {
    return this.contentWords(tokenize(normalizeArabic(text)));
  }

  private contentWords(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (const t of tokens) {
      if (this.stopwords.has(t) || this.qwords.has(t) || this.framing.has(t)) continue;
      const bare = t.replace(/^(و|ف|ب|ل|ك)?(ال)?(?=[؀-ۿ]{3,}$)/, '');
      if (bare.length >= 3 && !this.stopwords.has(bare)) out.push(bare);
    }
    return out;
  }

  /** «لحل», «بحل»: a one-letter proclitic on a word the knowledge base knows, where the whole is unknown. */
  private cliticOnKnown(token: string): boolean {
    if (!/^[لبوف][؀-ۿ]{2,}$/.test(token)) return false;
    if (this.stopwords.has(token) || this.conceptSurface.has(token) || this.genericWords.has(token) || this.framing.has(token) || this.objectMarkers.has(token) || this.qwords.has(token)) return false;
    const whole = this.wordTerm(token);
    const rest = this.wordTerm(token.slice(1));
    return whole !== undefined && !this.knownTerms.has(whole) && rest !== undefined && this.knownTerms.has(rest);
  }

  /**
   * Generic question vocabulary, also with a proclitic, a future or present prefix («س», «ه», «ح», «ب»)
   * or an object pronoun attached («وتفعل», «ستفعله», «هيعملوا», «يفعلها»).
   */
  private isGeneric(token: string, term: string): boolean {
    if (this.genericWords.has(term) || this.genericWords.has(token)) return true;
    if (withoutClitics(token).some((r) => this.genericWords.has(r))) return true;
    if (!/^[سهحب][يتن]|(ه|ها|هم|هما)$/.test(token)) return false;
    const bare = token.replace(/^[سهحب](?=[يتن])/, '');
    return [bare, bare.replace(/(ه|ها|هم|هما)$/, '')].some((f) => withoutClitics(f).some((r) => this.genericWords.has(r)));
  }

  private isPersonTerm(term: string | undefined): boolean {
    return term !== undefined && term.startsWith('@') && this.personIds.has(term.slice(1));
  }

  /**
   * «مع …» at `tokens[at]`, or, with `afterName`, after the name there («متى تحدث تشاووش أوغلو مع
   * المقداد»; not «شو حكى المقداد مع تشاووش أوغلو», what one said to the other).
   */
  private talksWith(tokens: readonly string[], at: number, afterName: boolean): boolean {
    if (!afterName) return WITH_WORDS.has(tokens[at] ?? '');
    const m = this.phrases.matchAt(tokens, at);
    const after = m?.kind === 'entity' ? tokens[at + m.length] : undefined;
    if ([tokens[at], after].some((t) => WITH_WORDS.has(t ?? ''))) return true;
    // («حكو تشاووش أوغلو والمقداد»: two people, the subject of the verb, talked with each other)
    if (m?.kind !== 'entity' || this.entityTypes.get(m.value) !== 'person' || !after?.startsWith('و')) return false;
    // (not «تحدث تشاووش أوغلو وأكار عن …»: both spoke about something)
    const second = this.phrases.matchAt([after.slice(1), ...tokens.slice(at + m.length + 1)], 0);
    if (second?.kind !== 'entity' || this.entityTypes.get(second.value) !== 'person') return false;
    const next = tokens[at + m.length + second.length] ?? '';
    return !['عن', 'about', 'بخصوص', 'حول', 'بشان', 'انو', 'ان', 'انه'].includes(next);
  }

  /** The entity term that starts at `tokens[at]`, if any (for looking one word ahead). */
  private peekEntity(tokens: readonly string[], at: number): string | undefined {
    const m = this.phrases.matchAt(tokens, at);
    return m?.kind === 'entity' ? `@${m.value}` : undefined;
  }

  /** «رح», «سوف», «will», or a future verb («سيعقد», «هيلتقي», «حيصير») whose stem the knowledge base knows. */
  private isFutureWord(token: string): boolean {
    if (this.futureWords.has(token)) return true;
    const m = /^(س|ه|ح)([يتن].{2,})$/.exec(token);
    return m !== null && (this.conceptSurface.has(m[2] as string) || this.knownTerms.has(this.stemmer.stem(m[2] as string)));
  }

  /**
   * The country a possessive «ها» points back to: the first one named, the question's topic
   * («لماذا ترفض تركيا سحب قواتها من شمال سوريا حسب وزير خارجيتها؟» → Turkey).
   */
  private topicCountry(tokens: readonly string[]): string | undefined {
    for (let i = 0; i < tokens.length; ) {
      const m = this.phrases.matchAt(tokens, i);
      if (m?.kind === 'entity' && this.countryIds.has(m.value)) return m.value;
      i += m?.length ?? 1;
    }
    return undefined;
  }

  /** «وشو …», «ومين …», «وتركيا …», «and …»: the question goes on from the previous one. */
  private startsWithAnd(tokens: readonly string[]): boolean {
    const first = tokens[0] ?? '';
    if (first === 'and') return true;
    // («طيب في موعد تاني؟», "ok so when …": a reply that goes on from the answer)
    if (GOES_ON.has(first) && tokens.length > 1) return true;
    // («وين», «واش», «وش» are question words of their own)
    if (!first.startsWith('و') || first.length < 3 || OWN_WAW_WORDS.has(first)) return false;
    const rest = first.slice(1);
    if (this.qwords.has(rest)) return true;
    // («ومع مين …», «وعن شو …»: «و», a preposition, a question word)
    if (['مع', 'عن', 'في', 'من', 'على', 'علي', 'الى', 'لمين', 'بشو'].includes(rest) && this.qwords.has(tokens[1] ?? '')) return true;
    return !this.isKnownSurface(first) && this.phrases.matchAt([rest, ...tokens.slice(1)], 0)?.kind === 'entity';
  }

  /**
   * «ممكن يتقابل», «يمكن أن يلتقي», «قد يلتقي», «could … meet»: what may happen, a question about the
   * future (not «ممكن تقولي …», a request).
   */
  private isModalFuture(tokens: readonly string[], at: number): boolean {
    const token = tokens[at] as string;
    if (token === 'could' || token === 'might') return true;
    if (!MODALS.has(token)) return false;
    const next = ['ان', 'انه', 'انها'].includes(tokens[at + 1] ?? '') ? tokens[at + 2] : tokens[at + 1];
    if (next === undefined || next.length < 4 || !/^[يتن]/.test(next)) return false;
    // («ممكن تقولي», «ممكن تشرحلنا»: «you», to me or us)
    const request = /^ت.*(ي|ني|لي|نا|لنا)$/.test(next) || this.framing.has(next) || withoutClitics(next).some((r) => this.framing.has(r));
    return !request;
  }

  /** An English word's mapping, trying the singular of plurals and dropping a possessive «'s». */
  private englishWord(token: string): string | undefined {
    const w = token.replace(/['’]s$/, '');
    // the English words the lexicon lists among a concept's variants («insist» under «اصرار») count too
    return this.english.get(w) ?? this.conceptSurface.get(w) ?? (w.endsWith('ies') ? this.english.get(`${w.slice(0, -3)}y`) : undefined) ?? (w.endsWith('es') ? this.english.get(w.slice(0, -2)) : undefined) ?? (w.endsWith('s') ? this.english.get(w.slice(0, -1)) : undefined);
  }

  /**
   * Spoken consonants written as pronounced: Levantine and Egyptian «ت» for «ث» («التلاثي»), «د» or
   * «ز» for «ذ» («هدا», «زلك»), «س» for «ث» («سلاسه»): the first single substitution that makes a word
   * the knowledge base knows.
   */
  private dialectSpelling(token: string): string | undefined {
    if (!/^[؀-ۿ]+$/.test(token)) return undefined;
    for (let i = 0; i < token.length; i++) {
      for (const to of DIALECT_CONSONANTS[token[i] as string] ?? []) {
        const variant = token.slice(0, i) + to + token.slice(i + 1);
        // a word the knowledge base has as written (with clitics), not only a shared stem: «السورين»
        // is «السوريين» with a letter left out, not «الثورين»
        if (withoutClitics(variant).some((r) => this.surfaceVocab.has(r) || this.qwords.has(r) || this.stopwords.has(r))) return variant;
      }
    }
    return undefined;
  }

  /**
   * True for «ما اسم X» / «ما أسماء X» / «what is the name of X» where X is a thing, not an office
   * («ما اسم وزير الدفاع السوري» resolves to the minister) or a meeting (whose card is the answer).
   */
  private asksForName(tokens: readonly string[]): string | undefined {
    for (let i = 0; i < tokens.length - 1; i++) {
      if (!NAME_WORDS.has(tokens[i] as string)) continue;
      let at = i + 1;
      // «الاسم الكامل لوزير …», «the full name of …»
      while (at < tokens.length && ['of', 'the', 'full', 'الكامل', 'كامل', 'الحقيقي', 'الرسمي', 'هو', 'هي'].includes(tokens[at] as string)) at += 1;
      // ("the names of Turkey's four military operations": in English the noun named ends the phrase)
      if (LATIN.test(tokens[at] ?? '')) {
        let end = at;
        while (end + 1 < tokens.length && LATIN.test(tokens[end + 1] as string) && !['in', 'of', 'at', 'during', 'by', 'from', 'with', 'for', 'that', 'which', 'who', 'is', 'are', 'was', 'were'].includes(tokens[end + 1] as string)) end += 1;
        if (end > at) {
          const noun = this.englishWord(tokens[end] as string);
          if (noun !== undefined && !noun.startsWith('?') && noun !== '-') {
            const phrase = this.phrases.matchAt(tokens, end);
            if (!(phrase?.kind === 'entity')) return this.wordTerm(noun) ?? noun;
          }
        }
      }
      // («شو اسم هالطريق؟»: Levantine «this» glued on)
      const next = (tokens[at] ?? '').replace(/^ه(?=ال[؀-ۿ]{3,}$)/, '');
      const head = bareOffice(next) ?? next;
      const bare = head.replace(/^ال/, '');
      // «ما أسماء فصائل المعارضة …»: the names of a group's members, which its own name is not
      const entity = this.phrases.matchAt(tokens, at);
      const plural = next.replace(/^ال/, '');
      if (entity?.kind === 'entity' && this.entityTypes.get(entity.value) === 'group' && MEMBER_HEADS.has(plural)) return this.wordTerm(next) ?? plural;
      if (OFFICE_HOLDER.has(head) || OFFICE_HOLDER.has(bare) || NOT_NAMED_HEADS.has(bare) || entity?.kind === 'entity') return undefined;
      return next.length > 1 ? (this.wordTerm(head) ?? head) : undefined;
    }
    return undefined;
  }

  /**
   * «من هو المبعوث الأممي …», «ما اسم المبعوث الأممي», «who is the UN envoy»: «who is» or «the name
   * of» followed by a body (an `org` entity): the person holding its office.
   */
  private asksWhoIsBody(tokens: readonly string[]): boolean {
    for (let i = 0; i < tokens.length - 1; i++) {
      const word = tokens[i] as string;
      let at: number;
      if (WHO_WORDS.has(word) && ['هو', 'هي', 'is'].includes(tokens[i + 1] as string)) at = i + 2;
      else if (NAME_WORDS.has(word) || WHO_WORDS.has(word)) at = i + 1;
      else continue;
      while (tokens[at] === 'the' || tokens[at] === 'of') at += 1;
      const m = this.phrases.matchAt(tokens, at);
      return m?.kind === 'entity' && this.entityTypes.get(m.value) === 'org';
    }
    return false;
  }

  /**
   * The same verb in the form the knowledge base uses: the verbal noun or past tense for the imperfect
   * and back («توقع» ↔ «يتوقع», «تطالب» ↔ «يطالب»), the participle for the verb («المتوقع» → «توقع»).
   * The stemmer leaves these prefixes on; the first variant the knowledge base knows wins.
   */
  private verbForm(token: string): string | undefined {
    if (!/^[؀-ۿ]{4,}$/.test(token)) return undefined;
    if (this.genericWords.has(token) || this.framing.has(token) || this.stopwords.has(token)) return undefined;
    const term = this.wordTerm(token);
    if (term !== undefined && this.knownTerms.has(term)) return undefined;
    const variants: string[] = [];
    if (/^[يتن]/.test(token)) variants.push(token.slice(1), `ي${token.slice(1)}`);
    if (!/^[ين]/.test(token)) variants.push(`ي${token}`, `ت${token}`);
    // the verbal noun with the article («التعامل» → «يتعامل»)
    if (/^ال[؀-ۿ]{3,}$/.test(token)) variants.push(`ي${token.slice(2)}`);
    const participle = /^(ال)?م(ت.{2,})$/.exec(token);
    if (participle) variants.push(participle[2] as string, `ي${participle[2] as string}`);
    // the spoken passive («انبحثت», «انعملت», «انحكى»: was discussed, done, said) → the verb, or its
    // verbal noun («انشكلت» → «تشكيل»)
    const passive = /^ان([؀-ۿ]{3,})$/.exec(token);
    if (passive) {
      const verb = (passive[1] as string).replace(/(ت|و|وا)$/, '');
      variants.push(`ي${verb}`);
      if (verb.length === 3) variants.push(`ت${verb.slice(0, 2)}ي${verb.slice(2)}`);
    }
    // the present of a doubled verb → its verbal noun («يسرعون» → «تسريع», «بيشكلوا» → «تشكيل»)
    const doubled = /^(ب|ح|رح)?[يتن]([؀-ۿ]{3})(ون|وا|و|ين)?$/.exec(token);
    if (doubled) {
      const root = doubled[2] as string;
      variants.push(`ت${root.slice(0, 2)}ي${root.slice(2)}`);
    }
    // the active participle of a plain verb («الداعمة» → «يدعم», «الداعمين» → «يدعم»)
    // (with the article or a plural ending: a bare «قاعة» or «ساحة» is a noun of the same shape)
    const agent = /^(ال)?([؀-ۿ])ا([؀-ۿ]{2})(ه|ين|ون|ات)?$/.exec(token);
    if (agent && (agent[1] !== undefined || (agent[4] !== undefined && agent[4] !== 'ه'))) variants.push(`ي${agent[2] as string}${agent[3] as string}`);
    // («الحكي» is the talk, not «يحكي» who said it: a variant does not make a speech verb)
    return variants.find((v) => v !== token && this.isKnownSurface(v) && !this.speechTerms.has(this.wordTerm(v) ?? ''));
  }

  /**
   * An office as terms, independent of spelling, gender and proclitics: «رئيس المخابرات التركية» and
   * «ورئيس المخابرات التركي» both give `@turkey|مخابرات|رييس`.
   */
  private officeSignature(tokens: readonly string[], from: number, to: number): string {
    const parts: string[] = [];
    for (let j = from; j < to; ) {
      const m = this.phrases.matchAt(tokens, j);
      if (m?.kind === 'entity' && this.countryIds.has(m.value)) {
        parts.push(`@${m.value}`);
        j += m.length;
        continue;
      }
      const word = bareOffice(tokens[j]) as string;
      parts.push(this.wordTerm(word) ?? word);
      j += 1;
    }
    return parts.sort().join('|');
  }

  /**
   * «نظيره السوري»: for each person holding an office in a country, the holder of the same office in
   * another country, keyed `person|country` (built from the same roles as the office holders).
   * @example
   * analyzer.counterparts().get('akar|syria'); // 'abbas'
   */
  counterparts(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    const byOffice = new Map<string, { country: string; person: string }[]>();
    for (const [signature, person] of this.officeHolders()) {
      const parts = signature.split('|');
      const country = parts.find((p) => p.startsWith('@') && this.countryIds.has(p.slice(1)));
      if (!country) continue;
      const office = parts.filter((p) => p !== country).join('|');
      const list = byOffice.get(office) ?? [];
      list.push({ country: country.slice(1), person });
      byOffice.set(office, list);
    }
    for (const holders of byOffice.values()) {
      for (const a of holders) for (const b of holders) if (a.person !== b.person && a.country !== b.country) out.set(`${a.person}|${b.country}`, b.person);
    }
    return out;
  }

  /** The parts of every known office signature (built once, with the office holders). */
  private officeParts(): readonly ReadonlySet<string>[] {
    this.parts ??= [...this.officeHolders().keys()].map((k) => new Set(k.split('|')));
    return this.parts;
  }

  /** Office signature → the person who holds it, from the people's roles and aliases (built once). */
  private officeHolders(): ReadonlyMap<string, string> {
    if (this.holders) return this.holders;
    const holders = new Map<string, string>();
    for (const [id, texts] of this.personOffices) {
      for (const text of texts) {
        const tokens = tokenize(normalizeArabic(text));
        for (let i = 1; i < tokens.length; i++) {
          const m = this.phrases.matchAt(tokens, i);
          if (m?.kind !== 'entity' || !this.countryIds.has(m.value)) continue;
          const words = officeWords(tokens, i);
          if (words > 0 && i - words === 0 && i + m.length === tokens.length) holders.set(this.officeSignature(tokens, 0, tokens.length), id);
        }
      }
    }
    this.holders = holders;
    return holders;
  }

  /** Corrects a word, also after removing a proclitic («والاجتماغ» → «الاجتماع»). */
  private correct(token: string): string | undefined {
    for (const reading of withoutClitics(token)) {
      const fixed = this.corrector.correct(reading);
      if (fixed) return fixed;
    }
    return undefined;
  }

  /**
   * Two unknown words that together are a two-word name with up to two letters wrong or left out
   * («هكان فيدن» → «هاكان فيدان»), each word on its own too short to correct safely.
   */
  private namePair(a: string, b: string | undefined): readonly string[] | undefined {
    if (b === undefined || a.length < 3 || b.length < 3) return undefined;
    // (a slip keeps one of the two first letters, and the length within two: cheap filters first,
    // without allocating — this runs for every word of every question)
    const length = a.length + b.length + 1;
    let candidate = false;
    for (const [first, second] of this.twoWordNames) {
      if ((first[0] === a[0] || second[0] === b[0]) && Math.abs(first.length + second.length + 1 - length) <= 2) {
        candidate = true;
        break;
      }
    }
    if (!candidate || !ARABIC_WORD.test(a) || !ARABIC_WORD.test(b)) return undefined;
    if (this.nameTokens.has(a) || this.nameTokens.has(b) || this.isKnownSurface(a) || this.isKnownSurface(b)) return undefined;
    const joined = `${a} ${b}`;
    return this.twoWordNames.find(([first, second]) => (first[0] === a[0] || second[0] === b[0]) && editDistance(joined, `${first} ${second}`, 2) <= 2);
  }

  /**
   * A short name with one letter wrong right after the word it follows in a name («علي محمود عباش» →
   * «عباس»): the word before makes up for the length that `fuzzyName` needs.
   */
  private nameAfter(prev: string | undefined, token: string): string | undefined {
    const next = prev === undefined ? undefined : this.nameFollowers.get(prev);
    if (!next || next.has(token) || token.length < 4 || !ARABIC_WORD.test(token)) return undefined;
    for (const name of next) if (Math.abs(name.length - token.length) <= 1 && editDistance(token, name, 1) <= 1) return name;
    return undefined;
  }

  private fuzzyName(token: string): string | undefined {
    // («دمشف»: a four-letter name only with one key slipped to its neighbour)
    if (token.length === 4 && /^[\u0600-\u06FF]+$/.test(token)) return this.nameTokensByLength.get(4)?.find((name) => name.length === 4 && nextKey(token, name));
    if (token.length < 5 || !/^[\u0600-\u06FF]+$/.test(token)) return undefined;
    for (const reading of withoutClitics(token)) {
      // «بكاس» is not «عباس», «الناس» not «الاسد»; a long name with the article may lose one letter («المقدد»)
      if (reading.length < 5 || (reading.startsWith('ال') && reading.length < 6)) continue;
      // fuse.js ranks; only a name about as close as it accepts (a score of 0.2: one edit in up to nine
      // letters, two beyond) is worth asking it about at all
      const edits = reading.length >= 10 ? 2 : 1;
      const near = this.nameTokensByLength.get(reading.length);
      if (!near?.some((name) => editDistance(reading, name, edits) <= edits)) continue;
      const [best] = this.nameFuse.get(reading.length)?.search(reading, { limit: 1 }) ?? [];
      if (best && (best.score ?? 1) <= 0.2 && Math.abs(best.item.token.length - reading.length) <= 1) return best.item.token;
    }
    return undefined;
  }
}
