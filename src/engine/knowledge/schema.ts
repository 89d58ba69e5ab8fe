/**
 * zod schemas of the knowledge files under `knowledge/`. Each file is a YAML list of entries
 * (the lexicon is one mapping). Cross-references (ids, verbatim quotes) are checked by the loader.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const sourceId = z.string().regex(/^\d{3}_[0-9a-f]{16}$/, 'an article id such as 000_91b8bfd8d3e92b35');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

/** How a date was resolved: what the article says, the calendar date, and whether it is inferred. */
export const DateSchema = z.strictObject({
  /** What the text says, verbatim or close to it («اليوم الثلاثاء»). */
  stated: text,
  /** Calendar date (or month/year) as ISO. */
  resolved: isoDate,
  /** Arabic label shown to people. */
  label: text,
  /** True when the articles do not state the calendar date and it was inferred. */
  inferred: z.boolean(),
  /** How the date was resolved (required when inferred). */
  basis: z.string().optional(),
});
export type DateInfo = z.infer<typeof DateSchema>;

export const EvidenceSchema = z.strictObject({
  source: sourceId,
  quote: text,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const SourceSchema = z.strictObject({
  id: sourceId,
  title: text,
  titleKind: z.enum(['headline', 'editorial']),
  /** The outlet, only where the article names itself. */
  outlet: z.string().optional(),
  date: DateSchema,
  summary: text,
  /** Verbatim spans that carry no claim (comments, "read also" links, menus, headlines). */
  nonClaim: z.array(z.strictObject({ text, reason: text })).default([]),
});
export type SourceEntry = z.infer<typeof SourceSchema>;

export const EntitySchema = z.strictObject({
  id,
  type: z.enum(['person', 'country', 'org', 'media', 'group', 'place', 'road', 'process', 'event']),
  /** The canonical Arabic name as the articles write it. */
  name: text,
  /** Other spellings: dialect, without hamza, transliterations, English. Matched after normalization. */
  aliases: z.array(text).default([]),
  /** Role, for people («وزير الدفاع التركي»). */
  role: z.string().optional(),
  /** The country the entity belongs to (entity id). */
  country: id.optional(),
  /** The entity the name also stands for («الأسد» for the Syrian government): satisfies entity checks, not «who said». */
  standsFor: id.optional(),
  /** Quotes that establish the role; required for people with a profile. */
  evidence: z.array(EvidenceSchema).default([]),
  /** An extra line for the profile, from the articles. */
  note: z.string().optional(),
  /** A person the articles do not name (an anonymous source): «ما اسمه؟» is declined, not answered. */
  unnamed: z.boolean().default(false),
});
export type EntityEntry = z.infer<typeof EntitySchema>;

export const MeetingSchema = z.strictObject({
  id,
  title: text,
  shortTitle: z.string().trim().min(1).max(40),
  /** Phrases that name this meeting («الاجتماع الرباعي», «اجتماع 28 كانون الأول»). */
  aliases: z.array(text).default([]),
  status: z.enum(['held', 'planned', 'possible']),
  date: DateSchema.optional(),
  place: z.string().optional(),
  level: text,
  /** Entity ids of named participants. */
  participants: z.array(id).default([]),
  /** Participants the articles describe without names («رؤساء استخبارات الدول الأربع»). */
  participantsNote: z.string().optional(),
  /** Countries taking part (entity ids). */
  countries: z.array(id).min(1),
  /**
   * Other entities that identify the meeting: its occasion or host («المباحثات بعد قرار ترامب», «في مقر
   * وزارة الدفاع الروسية»). A question naming them still points at the meeting's facts.
   */
  about: z.array(id).default([]),
  /**
   * What people ask about this meeting that the articles leave out, with a note on what they do say
   * (shown to the user when declining): `participants` (their names), `place`, `outcome`, `next` (when or where
   * the next meeting of its kind will be).
   */
  unstated: z.strictObject({ participants: text.optional(), place: text.optional(), outcome: text.optional(), next: text.optional() }).default({}),
  sources: z.array(sourceId).min(1),
});
export type MeetingEntry = z.infer<typeof MeetingSchema>;

/** What part of a meeting (or what kind of claim) a fact is. */
export const SLOTS = [
  'date',
  'place',
  'participants',
  'topics',
  'outcome',
  'atmosphere',
  'statement',
  'position',
  'plan',
  'duration',
  'context',
  'background',
  'reaction',
  'status',
] as const;
export type Slot = (typeof SLOTS)[number];

export const FactSchema = z.strictObject({
  id,
  meeting: id.optional(),
  /** Other meetings the fact also answers for («انضمت إيران لاحقًا» is about the first meeting too). */
  relatedMeetings: z.array(id).default([]),
  slot: z.enum(SLOTS),
  /** Who makes the claim: an entity id, or `article` when the article itself narrates it. */
  by: z.union([z.literal('article'), id]),
  /** Other entities the claim is about (the claimant and entities named in the text are found automatically). */
  about: z.array(id).default([]),
  /** Who holds the position when the article narrates it (`by: article`), e.g. «تسعى أنقرة…» → turkey. */
  holders: z.array(id).default([]),
  /** The Arabic answer sentence(s). */
  text,
  /** A short form for meeting cards (≤ 160 characters). */
  short: z.string().trim().max(160).optional(),
  /** Facts sharing a dispute group are different accounts of the same point: answered together. */
  dispute: id.optional(),
  evidence: z.array(EvidenceSchema).min(1, 'every fact needs at least one {source, quote}'),
  /** Extra words to match on (not shown). */
  keywords: z.array(text).default([]),
});
export type FactEntry = z.infer<typeof FactSchema>;

/**
 * A known gap: something people ask about a subject the articles mention, that the articles do not
 * say (the date or the winner of the Turkish elections they mention). Questions close to `q` are
 * declined with `note`, which says what the articles do say, instead of answered with the nearest fact.
 */
export const GapSchema = z.strictObject({
  id,
  /** What the articles say and do not say about it, in Arabic (shown when declining). */
  note: text,
  /** The meeting it is about, if any (so questions naming that meeting reach it). */
  meeting: id.optional(),
  /** Entities the questions name (people, countries, bodies), so questions naming them reach it. */
  about: z.array(id).default([]),
  /** Question variants that the articles do not answer. */
  q: z.array(text).min(1),
});
export type GapEntry = z.infer<typeof GapSchema>;

export const TargetRef = z.string().regex(/^((fact|meeting|entity):[a-z0-9][a-z0-9-]*|overview:meetings)$/, 'fact:<id>, meeting:<id>, entity:<id> or overview:meetings');

export const QuestionGroupSchema = z.strictObject({
  target: TargetRef,
  /** Question variants; the first is the canonical one shown as a suggestion. */
  q: z.array(text).min(1),
});
export type QuestionGroup = z.infer<typeof QuestionGroupSchema>;

const wordList = z.array(text);

export const QUESTION_TYPES = ['who', 'when', 'where', 'what', 'why', 'howmany', 'howlong', 'how', 'yesno'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SMALLTALK_KINDS = ['greeting', 'thanks', 'bye', 'howareyou', 'whoareyou', 'help', 'insult', 'affirm', 'offtopic'] as const;
export type SmalltalkKind = (typeof SMALLTALK_KINDS)[number];

export const LexiconSchema = z.strictObject({
  /** Function words dropped before matching (normalized forms). */
  stopwords: wordList,
  /** Words that frame a question without content («حدثني», «اخبرني», «معلومات»): dropped, never unknown. */
  framing: wordList,
  /** Question words by type, MSA and dialect. */
  questionWords: z.partialRecord(z.enum(QUESTION_TYPES), wordList),
  /** Multi-word question frames by type («ما هو عدد», «في اي يوم»). */
  questionPhrases: z.partialRecord(z.enum(QUESTION_TYPES), wordList).default({}),
  /** Canonical word → variants (dialect, synonyms, broken plurals, verb forms). Applied to both sides. */
  concepts: z.record(z.string(), wordList),
  /** English word → Arabic word(s) (or `?who` etc. for question words, `-` to drop). */
  english: z.record(z.string(), z.string()),
  /** Small-talk patterns by kind (whole normalized messages or their first words). */
  smalltalk: z.partialRecord(z.enum(SMALLTALK_KINDS), wordList),
  /** Common words of questions that carry little topic: unknown ones weigh a quarter. */
  generic: wordList,
  /** Countries, nationalities, people and bodies the articles do not cover (near-scope detection). */
  foreign: wordList,
  /** Words that refer back to the previous turn's meeting («حضره», «فيه», «ذلك الاجتماع»). */
  followup: wordList,
  /** Words that ask for statements or positions («قال», «موقف»): the claimant must match. */
  speech: wordList,
  /** Words after which a named entity is the object of a statement, not its speaker. */
  objectMarkers: wordList,
  /** Words that ask for a position or an aim: the holder must match; a person's country counts. */
  stance: wordList,
  /** Words that mark the future: planned and possible meetings come first. */
  future: wordList,
});
export type Lexicon = z.infer<typeof LexiconSchema>;
