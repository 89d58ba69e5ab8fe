/**
 * Public types of the answer engine. The engine imports nothing from grammY;
 * the Telegram layer only formats and sends what these types carry.
 */

/** One cited source of an answer: the article id, its title, and a verbatim span of it. */
export interface Citation {
  /** Article id: the seed file name without `.txt`, e.g. `000_91b8bfd8d3e92b35`. */
  readonly source: string;
  /** The article's own headline, or an editorial title (see {@link SourceSummary.titleIsEditorial}). */
  readonly title: string;
  /** A verbatim span of the article (verified at load time, after whitespace normalization). */
  readonly quote: string;
}

/** What kind of reply an {@link Answer} is. */
export type AnswerKind =
  | 'fact' // one or more curated facts
  | 'meeting' // a meeting card
  | 'entity' // a person / organisation profile
  | 'overview' // the timeline of all meetings
  | 'decline' // the articles do not cover the question
  | 'smalltalk' // greeting, thanks, who-are-you: a friendly reply, not an answer
  | 'invalid'; // empty, too long, emoji only, …: a clear reply, not an answer

/** The result of {@link Engine.answer}. */
export interface Answer {
  /** True only when the text answers the question from the articles (and so has citations). */
  readonly answered: boolean;
  /** Arabic plain text (no markup), lines separated by `\n`. */
  readonly text: string;
  /** At least one citation when `answered`; none otherwise. */
  readonly citations: readonly Citation[];
  /** Up to 3 curated questions the engine can answer ("هل تقصد…"), mostly when declining. */
  readonly suggestions: readonly string[];
  /** The meeting this answer is about, if any: pass it back as context for follow-ups. */
  readonly meetingId?: string;
  /** The matcher's confidence in [0, 1]; 0 for declines without any candidate. */
  readonly score: number;
  readonly kind: AnswerKind;
  /** Ids of the matched knowledge entries (`fact:…`, `meeting:…`, `entity:…`), for logs and evaluation. */
  readonly matched: readonly string[];
}

/**
 * Conversation context from the previous answer, so that «ومن حضره؟» or «وماذا قال عن المعارضة؟»
 * resolves to what was just discussed. Pass `{ meetingId: a.meetingId, focus: a.matched }`. Neither
 * field holds anything the user typed.
 * @example
 * const first = engine.answer('من هو المتحدث باسم الرئاسة التركية؟');
 * engine.answer('وماذا قال عن المعارضة السورية؟', { meetingId: first.meetingId, focus: first.matched });
 */
export interface AnswerContext {
  /** The meeting the previous answer was about. */
  readonly meetingId?: string;
  /** The knowledge entries the previous answer came from (its `matched` ids). */
  readonly focus?: readonly string[];
}

/** Status of a meeting as the articles report it. */
export type MeetingStatus = 'held' | 'planned' | 'possible';

/** A meeting as listed by `/meetings`. */
export interface MeetingSummary {
  readonly id: string;
  /** Full Arabic title. */
  readonly title: string;
  /** Short Arabic label (fits a button, ≤ 40 characters). */
  readonly shortTitle: string;
  /** Arabic date label, marked «(مستنتج)» when the articles do not state it. */
  readonly dateLabel: string;
  /** ISO date (or month) used for sorting; undefined for undated planned meetings. */
  readonly sortKey: string;
  readonly status: MeetingStatus;
  readonly place?: string;
}

/** One of the five articles, as listed by `/sources`. */
export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  /** True when the article has no headline of its own and the title was written by the curators. */
  readonly titleIsEditorial: boolean;
  /** The outlet, only where the article itself names it. */
  readonly outlet?: string;
  /** Arabic date label, with how it was resolved. */
  readonly dateLabel: string;
  readonly dateInferred: boolean;
  /** One-sentence Arabic summary of what the article covers. */
  readonly summary: string;
}

/** The answer engine: load once, then answer synchronously. */
export interface Engine {
  /** A short hash of the knowledge files: changes whenever the knowledge changes. */
  readonly version: string;
  /** Counts of what was loaded. */
  readonly stats: Readonly<{ sources: number; meetings: number; facts: number; questions: number; entities: number }>;
  /**
   * Answers one question. Never throws: bad input gets an `invalid` answer with a clear Arabic text.
   * @example
   * const a = engine.answer('متى عقد الاجتماع الثلاثي في موسكو؟');
   * if (a.answered) console.log(a.text, a.citations[0].quote);
   */
  answer(question: string, context?: AnswerContext): Answer;
  /** The meetings, newest first. */
  meetings(): readonly MeetingSummary[];
  /** A meeting's full card (date, place, who attended, topics, outcomes, sources), or undefined for an unknown id. */
  meetingCard(id: string): Answer | undefined;
  /** The five articles, in id order. */
  sources(): readonly SourceSummary[];
  /** Example questions for `/start` (curated, answerable), `n` of them. */
  examples(n: number): readonly string[];
}
