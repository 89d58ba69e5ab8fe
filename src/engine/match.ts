/**
 * Ranks the catalog's targets for an analyzed question and decides whether to answer.
 *
 * Ranking: BM25 over the targets' documents (curated questions, answer text, quotes, name cards).
 * Gate: the share of the question's meaning (IDF-weighted terms, unknown words included) that the
 * target covers, blended with the closest curated question. Hard checks: every entity the question
 * names must be involved in the answer; «what did X say» needs X (or X's country) as the speaker; a
 * question about a named meeting is answered from that meeting; «how many» needs a number.
 */
import { MINISTRY_TERMS, NUMBER_STEMS, type Catalog, type Target } from './catalog.ts';
import { engineText } from '../locale/ar.ts';
import { PERSONS_COUNTED, type Analysis } from './nlp/analyzer.ts';
import type { Bm25Index } from './search/bm25.ts';

/** Tunable thresholds of the matcher (calibrated with `npm run eval`). */
export interface MatchOptions {
  /** Minimum confidence to answer. */
  readonly threshold: number;
  /**
   * Minimum confidence to answer what someone said or holds («ما موقف إيران من …»): higher, because
   * the same speaker's statement about something else is the classic wrong answer.
   */
  readonly speechThreshold: number;
  /** Runner-up facts within this share of the best rank are answered too. */
  readonly runnerUpRatio: number;
  /** At most this many facts in one answer (disputed accounts not counted). */
  readonly maxFacts: number;
}

export const DEFAULT_MATCH: MatchOptions = {
  threshold: 0.53,
  speechThreshold: 0.56,
  runnerUpRatio: 0.8,
  maxFacts: 2,
};

/** A scored target. */
export interface Candidate {
  readonly target: Target;
  readonly bm25: number;
  /** Share of the question's term weight the target covers. */
  readonly coverage: number;
  /** Weighted Dice similarity with the closest curated question of the target. */
  readonly questionSimilarity: number;
  readonly confidence: number;
  readonly rank: number;
  /** Why the target cannot answer this question, if it cannot. */
  readonly veto?: 'entity' | 'speaker' | 'meeting' | 'number' | 'name' | 'time' | 'about' | 'yesno';
}

/** The matcher's decision. */
export interface MatchResult {
  readonly answer: boolean;
  readonly reason?: 'foreign' | 'low-confidence' | 'no-candidate' | 'no-context' | 'gap' | 'aftermath';
  /** For `gap`: the known gap (gaps.yaml) the question matched. */
  readonly gap?: string;
  /** For `gap` on a meeting's unstated detail (meetings.yaml `unstated`): the note to decline with. */
  readonly note?: string;
  /** Targets to answer with, best first (empty when declining). */
  readonly chosen: readonly Candidate[];
  /** All scored candidates, best first (for suggestions and logs). */
  readonly candidates: readonly Candidate[];
  readonly confidence: number;
  /** The meeting the question was resolved against via the conversation context, if any. */
  readonly contextMeeting?: string;
  /** Every chosen fact answers the question (its parts, a meeting's outcomes, all a speaker said), rather than the first and related ones. */
  readonly together?: boolean;
}

const PSEUDO = /^\?/;
/** What a name-of question can be answered with: a named body, medium, process, road or place. */
const NAMED_TYPES = new Set(['org', 'group', 'media', 'process', 'road', 'place']);
/** Unknown words that carry the question's content: definite nouns («القواعد») and imperfect or future verbs («سيفوز», «يحكم»). */
const CONTENT_UNKNOWN = /^((و|ف|ب|ل|ك)?ال|س?[يتن][\u0600-\u06FF]{3,}$)/;
/** Slots that describe a meeting itself (as opposed to statements made around it). */
const MEETING_SLOTS = new Set(['date', 'place', 'participants', 'topics', 'outcome', 'atmosphere', 'duration', 'status']);
const SPECIFIC_QTYPES = new Set(['who', 'when', 'where', 'why', 'howmany', 'howlong']);
/** Weight of a question-type term in coverage (an IDF-like unit). */
const QTYPE_WEIGHT = 1;
/** How much the closest curated question counts in the rank. */
const QSIM_WEIGHT = 0.7;
/** A question that is (nearly) one of the target's curated questions. */
const EXACT_BONUS = 1.3;
/** A generic question word the articles happen to use («طبيعة»): a fraction of its IDF. */
const KNOWN_GENERIC_WEIGHT = 0.3;
/** Share of a word's weight a fact covers when only another fact of its meeting has the word. */
const MEETING_CREDIT = 0.6;
/** Share of a word's weight a fact covers when only its quote (not its answer text) has the word. */
const QUOTE_CREDIT = 0.7;
/** Weight of the words a follow-up borrows from the previous answer's subject. */
const FOCUS_WEIGHT = 0.5;
/** Weight of an unknown word that is generic question vocabulary, as a share of the maximum IDF. */
const GENERIC_WEIGHT = 0.15;
/** A fact that covers a question as fully as a known gap and ranks at least this close to it answers instead. */
const GAP_MARGIN = 0.8;
/** A meeting whose level has a ministry the question's «وزراء …» does not name. */
const LEVEL_MISFIT = 0.85;
/** A target of the one meeting that a describing clause fits («اللقاء … الذي بحث الانسحاب الأمريكي») ranks this much higher. */
const DESCRIBED_FIT = 1.3;
/** «منذ متى …», «من امتى»: a fact that says since when («منذ أسابيع», «منذ 2011») ranks this much higher. */
const SINCE_FIT = 1.6;
/** Question similarity at which a known gap's curated question is the question itself. */
const EXACT_GAP = 0.95;
/** A question this similar to a curated one is that question, whatever came before it. */
const EXACT_QUESTION = 0.95;
/** A known gap whose own words the question uses wins from this share of the best rank (0.2 and 0.3 alike on the evaluation sets). */
const GAP_WORD_RANK = 0.3;
/** A term of a «قبل …/بعد …» clause: it dates what is asked rather than naming it. */
const TIMING_WEIGHT = 0.5;
/** Weight of a word no document contains, as a share of the maximum IDF. */
const UNKNOWN_WEIGHT = 0.5;
/** A candidate ranked within this share of the best may answer when the best is below the gate. */
const NEAR_TIE = 0.85;
/** Candidates scored per reading: the best BM25 hits (40 gives the same answers as 60 on every evaluation set but one extra fact, a fifth faster; 25 starts to lose answers). */
const MAX_CANDIDATES = 40;
/** Below this share of the rank of a vetoed best match, the first eligible one answers another question (a plateau from 0.3 to 0.5 on the evaluation sets). */
const VETOED_MARGIN = 0.4;
/** «أين …» about a meeting: its place fact answers when it covers the question within this much of the best match… */
const SLOT_COVERAGE_SLACK = 0.15;
/** …and ranks within this share of it. */
const SLOT_RANK = 0.5;

/**
 * Scores and chooses targets for one analyzed question.
 * @example
 * const r = matchQuestion(catalog, analyzer.analyze(q, { mode: 'query' }), { meetingId: undefined });
 * if (r.answer) console.log(r.chosen[0].target.id);
 */
export function matchQuestion(
  catalog: Catalog,
  analysis: Analysis,
  context: { readonly meetingId?: string | undefined; readonly focus?: readonly string[] | undefined },
  options: MatchOptions = DEFAULT_MATCH,
): MatchResult {
  const content = [...new Set(analysis.terms)];
  const meeting = context.meetingId !== undefined && catalog.targets.has(`meeting:${context.meetingId}`) ? context.meetingId : undefined;
  const focusTerms = new Set((context.focus ?? []).flatMap((id) => [...(catalog.targets.get(id)?.focusTerms ?? [])]));
  const usable = (meeting !== undefined || focusTerms.size > 0) && analysis.meetings.length === 0 && analysis.foreign.length === 0;
  // the people the previous answer was about («وبالنسبة للموعد والشكل؟» after Lavrov's statement: its speaker)
  const people = (context.focus ?? []).filter((id) => catalog.targets.get(id)?.kind === 'entity').map((id) => catalog.targets.get(id)?.ref as string);
  // («and what did he say about …?» too: a verb with no subject of its own)
  if ((analysis.continues || (analysis.speech && analysis.speakers.length === 0)) && people.length === 0) {
    for (const id of context.focus ?? []) {
      const t = catalog.targets.get(id);
      if (t?.kind !== 'fact') continue;
      for (const s of t.speakers) if (catalog.entityTypes.get(s) === 'person' && !people.includes(s)) people.push(s);
    }
  }
  // («وشو علّق على …؟»: a verb with no subject of its own has theirs)
  const unsaid = (analysis.speech || analysis.continues === true) && analysis.speakers.length === 0;
  // the question alone; with a verb that has no subject of its own, the previous answer's person as
  // its subject when that answers («وشو علّق على الاجتماع الثلاثي؟» after an answer about Akar)
  const alone = (): MatchResult => {
    const plain = decide(catalog, analysis, undefined, undefined, options);
    if (!unsaid || analysis.foreign.length > 0 || people.length === 0) return plain;
    const his = decide(catalog, naming(analysis, people.slice(0, 1), true), undefined, undefined, options);
    return his.answer ? his : plain;
  };
  // «وهل التقوا قبل هيك؟», «وكانت هاي أول مرة بيلتقوا؟» after an answer that names people: «they» are
  // the first two it names, as if written out (read alone: their meeting need not be the last one)
  const namedBefore = [...new Set((context.focus ?? []).flatMap((id) => [...(catalog.targets.get(id)?.named ?? [])]))].filter((e) => catalog.entityTypes.get(e) === 'person');
  // (but «وفي أي مكان بالضبط التقوا؟» after an answer about a meeting asks where that meeting was)
  const detailOfContext = meeting !== undefined && analysis.qtypes.some((q) => q === 'where' || q === 'when') && !analysis.terms.includes('سابق');
  if (analysis.they && !detailOfContext && analysis.terms.includes('اجتماع') && analysis.meetings.length === 0 && analysis.foreign.length === 0 && namedBefore.length >= 2 && !analysis.entities.some((e) => catalog.entityTypes.get(e) === 'person')) {
    const theirs = decide(catalog, naming(analysis, namedBefore.slice(0, 2), false), undefined, undefined, options);
    if (theirs.answer) return theirs;
  }
  // «مين المتحدث؟» after an answer that names a spokesman: the person it named whom the word describes
  const words = content.filter((t) => !t.startsWith('@') && !t.startsWith('#'));
  if (analysis.qtypes.includes('who') && words.length === 1 && analysis.entities.length === 0 && analysis.meetings.length === 0) {
    const person = namedBefore.find((p) => catalog.entityWords(p).has(words[0] as string));
    if (person) {
      const his = decide(catalog, naming({ ...analysis, terms: analysis.terms.filter((t) => t !== words[0]) }, [person], false), undefined, undefined, options);
      if (his.answer) return his;
    }
  }
  if (!usable) return alone();
  // «ومين نظيره السوري؟» after an answer about Akar: the Syrian holder of his office, as if named
  const country = analysis.entities.find((e) => catalog.entityTypes.get(e) === 'country');
  // (after an answer from facts, the first person they name who has one: «ونظيره السوري مين؟» after
  // the participants of a meeting)
  const namedInFocus = (context.focus ?? []).flatMap((id) => [...(catalog.targets.get(id)?.named ?? [])].filter((e) => catalog.entityTypes.get(e) === 'person'));
  const counterpartOf = (p: string | undefined) => (p !== undefined && country !== undefined && catalog.entityCountry.get(p) !== country ? catalog.counterparts.get(`${p}|${country}`) : undefined);
  const holder = analysis.terms.includes('نظير') && country !== undefined ? (counterpartOf(people[0]) ? people[0] : people.length === 0 ? namedInFocus.find((p) => counterpartOf(p) !== undefined) : undefined) : undefined;
  const counterpart = counterpartOf(holder);
  if (holder && counterpart && analysis.meetings.length === 0) {
    const terms = analysis.terms.filter((t) => t !== 'نظير' && t !== `@${country}`);
    // («وأين التقى نظيره التركي؟»: where the two of them met, so both are named)
    const both = terms.includes('اجتماع') ? [holder, counterpart] : [counterpart];
    return decide(catalog, { ...analysis, entities: both, terms: [...terms, ...both.map((p) => `@${p}`)], followup: false }, meeting, undefined, options);
  }
  // «ومن حضره؟», «متى كان؟»: an explicit back-reference, or no content of its own → the conversation
  const ownWords = content.filter((t) => !t.startsWith('@'));
  const hard = analysis.followup || content.length === 0;
  // «وهو شو منصبه؟» after «من الذي قال …»: the post of the one who said it
  if (analysis.terms.includes('منصب') && !analysis.entities.some((e) => catalog.entityTypes.get(e) === 'person') && people.length === 0) {
    const speaker = (context.focus ?? []).flatMap((id) => [...(catalog.targets.get(id)?.speakers ?? [])]).find((e) => catalog.entityTypes.get(e) === 'person' && !catalog.unnamed.has(e));
    if (speaker) {
      const his = decide(catalog, naming(analysis, [speaker], false), undefined, undefined, options);
      if (his.answer) return his;
    }
  }
  // the conversation's reading answered by one target of it, when that target is a candidate not
  // vetoed that covers at least `minCoverage` of the question
  const answeredBy = (target: Target | undefined, minCoverage = 0): MatchResult | undefined => {
    if (target === undefined) return undefined;
    const reading = decide(catalog, analysis, meeting, focusTerms, options);
    const again = reading.candidates.find((c) => c.target === target && !c.veto);
    return again && again.coverage >= minCoverage ? { ...reading, answer: true, chosen: [again], confidence: Math.max(again.confidence, options.threshold) } : undefined;
  };
  // «وليش؟» after what someone said or holds: the reasons they gave are in that same statement
  // («ضد مين؟» after what someone did or threatened: whom it is aimed at is in that same fact)
  // («وامتى؟» after a statement: when it was made, which the statement gives; «ووين؟», «وامتى؟» after a
  // fact that is not a part of a meeting, the protests say: where and when they were, in that same fact)
  const only = analysis.qtypes.length === 1 ? analysis.qtypes[0] : undefined;
  const why = only === 'why';
  const aimedAt = analysis.against === true && analysis.qtypes.every((q) => q === 'who' || q === 'what');
  const statedWhen = only === 'when';
  const background = only === 'when' || only === 'where';
  if (content.length === 0 && (why || aimedAt || background) && focusTerms.size > 0) {
    const said = (context.focus ?? []).map((id) => catalog.targets.get(id)).find(
      (t) => t?.kind === 'fact' && (aimedAt || ((why || statedWhen) && (t.slot === 'statement' || t.slot === 'position')) || (background && !MEETING_SLOTS.has(t.slot ?? ''))),
    );
    const again = answeredBy(said);
    if (again) return again;
  }
  // «والجانب السوري شو قال؟» after one side's account of a disputed point: the other side's account
  if (analysis.speech && analysis.speakers.length > 0 && focusTerms.size > 0) {
    const disputes = new Set((context.focus ?? []).map((id) => catalog.targets.get(id)?.dispute).filter((d) => d !== undefined));
    const focused = new Set(context.focus ?? []);
    const other = disputes.size > 0 ? [...catalog.targets.values()].find((t) => t.dispute !== undefined && disputes.has(t.dispute) && !focused.has(t.id) && analysis.speakers.some((p) => t.speakers.has(p))) : undefined;
    const again = answeredBy(other);
    if (again) return again;
  }
  // «ومن أي وكالة نُقل كلامه؟», «ومتى قال هيك؟» after a statement: the statement itself says it, when it
  // covers the question's own words at least as well as half
  if (analysis.saidBefore && focusTerms.size > 0 && analysis.meetings.length === 0) {
    const said = (context.focus ?? []).map((id) => catalog.targets.get(id)).find((t) => t?.kind === 'fact');
    const again = answeredBy(said, 0.5);
    if (again) return again;
  }
  if (!hard && ownWords.length > 2) return alone();
  // readings, most conversational first; the most confident one wins (ties go to the conversation)
  const readings: MatchResult[] = [];
  // «وهل التقى نظيره التركي؟» after an answer about a person: that person is named, as if written out
  const named = (analysis.followup || unsaid) && people.length > 0 ? naming(analysis, people, unsaid) : analysis;
  if (focusTerms.size > 0) {
    const reading = decide(catalog, named, meeting, focusTerms, options);
    // «وبالنسبة لـ…» continues with the same speaker: what they said, when they said something on it
    if (analysis.continues && people.length > 0 && reading.answer) return reading;
    readings.push(reading);
  }
  // («وشو قال بالضبط؟» after an answer about what Lavrov said: within the meeting too, he is the one speaking)
  const inMeeting = meeting !== undefined ? decide(catalog, unsaid && people.length > 0 ? named : analysis, meeting, undefined, options) : undefined;
  if (inMeeting) readings.push(inMeeting);
  // «ومين حضر من الجانب الروسي؟» after an answer about a meeting: both words and question word ask
  // for a part of a meeting, and no other meeting is named: that meeting's part
  const lead = inMeeting?.answer ? inMeeting.chosen[0]?.target : undefined;
  if (lead?.kind === 'fact' && lead.meeting === meeting && (slotsAsked(analysis).get(lead.slot ?? '') ?? 1) >= SLOT_BOTH) return inMeeting as MatchResult;
  if (!hard) readings.push(decide(catalog, analysis, undefined, undefined, options));
  let best = readings[0] as MatchResult;
  for (const r of readings.slice(1)) if (r.answer && (!best.answer || r.confidence > best.confidence)) best = r;
  // «وشو كان موقف دمشق؟» after an answer about a meeting goes on from it: the conversation's answer,
  // when there is one, over the question read alone
  // (not when it names someone of its own: «ومين رئيسي هاد؟» asks about that person)
  const namesSomeone = analysis.entities.some((e) => catalog.entityTypes.get(e) !== 'country');
  // (but not over a question that is, on its own, one the knowledge base answers word for word and
  // more confidently: «ومين بيدعم الحكومة السورية؟» after why relations broke off)
  if (analysis.conjoined && !hard && !namesSomeone) {
    let conversational: MatchResult | undefined;
    for (const r of readings.slice(0, readings.length - 1)) if (r.answer && (!conversational || r.confidence > conversational.confidence)) conversational = r;
    const plain = readings[readings.length - 1];
    const asked = plain?.answer && (plain.chosen[0]?.questionSimilarity ?? 0) >= EXACT_QUESTION && conversational !== undefined && plain.confidence > conversational.confidence;
    if (conversational && !asked) return conversational;
  }
  return best;
}

/** The analysis as if the question named these people (as the speakers, when `speaking`). */
function naming(analysis: Analysis, people: readonly string[], speaking: boolean): Analysis {
  return {
    ...analysis,
    entities: [...new Set([...analysis.entities, ...people])],
    terms: [...analysis.terms, ...people.map((p) => `@${p}`)],
    ...(speaking ? { speakers: people, speech: true, speechKind: analysis.speechKind ?? 'said' } : {}),
  };
}

/**
 * Scores the candidates for one reading of the question — alone, within the previous meeting, or
 * expanded with what the previous answer was about (at half weight) — and decides.
 */
function decide(
  catalog: Catalog,
  analysis: Analysis,
  contextMeeting: string | undefined,
  focusTerms: ReadonlySet<string> | undefined,
  options: MatchOptions,
): MatchResult {
  const { index } = catalog;
  const qtypeTerms = analysis.qtypes.map((q) => `?${q}`);
  const own = new Set(analysis.terms);
  const borrowed = [...(focusTerms ?? [])].filter((t) => !own.has(t) && t !== `#${contextMeeting}`);
  const content = [...own, ...borrowed];
  // (a meeting named only in a «قبل …/بعد …» clause dates the question, it is not the meeting asked
  // about: «شو الخطوة الجاية بعد اجتماع وزراء الخارجية حسب أردوغان؟»)
  const timingSet = new Set(analysis.timingTerms);
  // (every time it is named: «نواب وزراء الخارجية اللي حضروا اجتماع آذار» names the March meeting
  // twice, once as what is asked)
  const times = (terms: readonly string[], t: string) => terms.filter((x) => x === t).length;
  const onlyTiming = analysis.meetings.length > 0 && analysis.meetings.every((m) => times(analysis.terms, `#${m}`) <= times(analysis.timingTerms, `#${m}`));
  const meetingRefs = contextMeeting ? [contextMeeting] : onlyTiming ? [] : analysis.meetings;

  const queryTerms = [...content, ...qtypeTerms, ...(contextMeeting ? [`#${contextMeeting}`] : [])];
  const weights = new Map<string, number>();
  for (const t of qtypeTerms) weights.set(t, 0.35);
  for (const t of borrowed) weights.set(t, FOCUS_WEIGHT);
  const hits = index.searchTargets(queryTerms, MAX_CANDIDATES, weights);

  // what the answer must cover: the words, the meeting a follow-up refers to, the specific question type
  // a word no document contains: a definite noun («القواعد») is the topic and weighs fully; other
  // unknown words (verbs, filler) weigh less, since the checks above catch out-of-scope names
  const definiteUnknown = new Set(analysis.unknownTerms.filter((_, i) => CONTENT_UNKNOWN.test(analysis.unknown[i] ?? '')));
  const borrowedSet = new Set(borrowed);
  const hasBorrowed = borrowedSet.size > 0;
  const generic = new Set(analysis.genericTerms);
  const unknownWeight = (t: string) => (generic.has(t) ? GENERIC_WEIGHT : definiteUnknown.has(t) ? 1 : UNKNOWN_WEIGHT);
  const base = (t: string) =>
    PSEUDO.test(t) ? QTYPE_WEIGHT : index.df(t) > 0 ? index.idf(t) * (generic.has(t) ? KNOWN_GENERIC_WEIGHT : 1) : index.maxIdf * unknownWeight(t);
  const weightOf = new Map<string, number>();
  const w = (t: string): number => {
    let x = weightOf.get(t);
    if (x === undefined) {
      x = base(t) * (borrowedSet.has(t) ? FOCUS_WEIGHT : 1) * (timingSet.has(t) ? TIMING_WEIGHT : 1);
      weightOf.set(t, x);
    }
    return x;
  };
  const covering = [
    ...content,
    ...(contextMeeting ? [`#${contextMeeting}`] : []),
    ...qtypeTerms.filter((t) => SPECIFIC_QTYPES.has(t.slice(1))),
  ];
  const coveringSet = new Set(covering);
  const coveringWeights = covering.map(w);
  const contentWeight = coveringWeights.reduce((s, x) => s + x, 0);
  // (the same weights by term number, for the loop over the candidates' curated questions)
  const scratch = termScratch(index);
  const gen = scratch.gen;
  for (const t of coveringSet) {
    const id = index.termId(t);
    if (id < 0) continue;
    scratch.stamp[id] = gen;
    scratch.weight[id] = w(t);
  }
  for (const t of borrowedSet) {
    const id = index.termId(t);
    if (id < 0) continue;
    scratch.borrowedStamp[id] = gen;
    scratch.borrowedBase[id] = base(t);
  }
  const speakerTypes = new Set(['person', 'org', 'media', 'country', 'group']);
  const askedSlots = slotsAsked(analysis);
  // what a speaker is asked to have said «about», as far as the articles know the words
  // (a generic word need not be in it: «ماذا أعلن لافروف بخصوص دور إيران» asks what he said about Iran)
  const about = analysis.aboutTerms.filter((t) => t.startsWith('@') || (index.df(t) > 0 && !generic.has(t)));
  const askedMinistries = analysis.terms.includes('وزير') ? analysis.terms.filter((t) => MINISTRY_TERMS.has(t)) : [];
  const subject = analysis.entities.find((e) => speakerTypes.has(catalog.entityTypes.get(e) ?? ''));
  // «أين عُقد اللقاء التركي الروسي الذي بحث الانسحاب الأمريكي؟»: a clause that describes one meeting
  // only (every word of it among that meeting's) says which meeting is meant
  const described = meetingDescribedBy(catalog, analysis, contextMeeting);

  const scored: Candidate[] = [];
  for (const { target: id, score: bm25, questionDocs } of hits) {
    const target = catalog.targets.get(id) as Target;
    // a word that identifies the target's meeting («المباحثات التي انتهت يوم السبت») counts in part
    // (not for «ماذا قال X عن Y»: what X said about Y must be in X's statement itself)
    const meetingTerms = target.meeting !== undefined && !(analysis.speech && analysis.speakers.length > 0) ? catalog.meetingTerms.get(target.meeting) : undefined;
    let covered = 0;
    for (let i = 0; i < covering.length; i++) {
      const t = covering[i] as string;
      const credit = target.coverTerms.has(t) ? 1 : target.terms.has(t) ? QUOTE_CREDIT : meetingTerms?.has(t) ? MEETING_CREDIT : 0;
      if (credit > 0) covered += credit * (coveringWeights[i] as number);
    }
    const coverage = contentWeight > 0 ? covered / contentWeight : 0;
    let questionSimilarity = 0;
    for (const d of questionDocs) {
      // a curated question's own terms are all indexed, so their weight does not depend on the query
      // except for the words borrowed from the previous answer (weighted down)
      const { ids, weight } = questionProfile(index, d);
      let common = 0;
      let docWeight = weight;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        if (hasBorrowed && scratch.borrowedStamp[id] === gen) docWeight -= (scratch.borrowedBase[id] as number) * (1 - FOCUS_WEIGHT);
        if (scratch.stamp[id] === gen) common += scratch.weight[id] as number;
      }
      const sim = contentWeight + docWeight > 0 ? (2 * common) / (contentWeight + docWeight) : 0;
      if (sim > questionSimilarity) questionSimilarity = sim;
    }
    const confidence = Math.min(1, 0.7 * coverage + 0.3 * Math.max(questionSimilarity, coverage * 0.8));
    const veto = vetoFor(target, analysis, meetingRefs, speakerTypes, catalog, about);
    const typeBonus = analysis.qtypes.some((q) => SPECIFIC_QTYPES.has(q) && target.terms.has(`?${q}`)) ? 1.35 : 1;
    // the part of a meeting the question asks for («من حضر» → participants, «ليش» → topics)
    // (more when both the words and the question word ask for it: «من حضر», «متى موعد»)
    const slotBonus = target.slot !== undefined ? (askedSlots.get(target.slot) ?? 1) : 1;
    // whose action or position it is: the first entity named is the grammatical subject more often than not
    const subjectBonus = subject !== undefined && target.kind === 'fact' && target.speakers.has(subject) ? 1.2 : 1;
    // «اجتماع وزراء الدفاع» names a meeting of defence ministers: one of foreign and defence ministers
    // fits it less well
    const ministries = target.meeting !== undefined ? catalog.meetingInfo.get(target.meeting)?.ministries : undefined;
    const fit =
      (askedMinistries.length > 0 && ministries && [...ministries].some((t) => !askedMinistries.includes(t)) && askedMinistries.every((t) => ministries.has(t)) ? LEVEL_MISFIT : 1) *
      (described !== undefined && target.meeting === described ? DESCRIBED_FIT : 1) *
      (analysis.since === true && target.terms.has('منذ') ? SINCE_FIT : 1);
    const rank = fit * Math.sqrt(bm25) * (0.25 + coverage) ** 2 * (1 + QSIM_WEIGHT * questionSimilarity) * (questionSimilarity >= EXACT_QUESTION ? EXACT_BONUS : 1) * typeBonus * slotBonus * subjectBonus * intentFactor(target, analysis, content, catalog);
    const candidate: { -readonly [K in keyof Candidate]: Candidate[K] } = { target, bm25, coverage, questionSimilarity, confidence, rank };
    if (veto) candidate.veto = veto;
    scored.push(candidate);
  }
  scored.sort((a, b) => b.rank - a.rank);
  // a decline after scoring (with the conversation's meeting, if any)
  const declined = (reason: NonNullable<MatchResult['reason']>, confidence: number, extra: Pick<MatchResult, 'gap' | 'note'> = {}): MatchResult => ({
    answer: false,
    reason,
    ...extra,
    chosen: [],
    candidates: scored,
    confidence,
    ...(contextMeeting ? { contextMeeting } : {}),
  });

  if (analysis.foreign.length > 0) return { answer: false, reason: 'foreign', chosen: [], candidates: scored, confidence: 0 };
  // «ومن حضره؟» with nothing to refer to: ask which meeting instead of guessing
  // (and «ومتى كان؟», a bare question word with nothing to refer to)
  // («من حضر؟», «شو بحثوا؟»: only the part of a meeting asked for, and no meeting)
  const bare = (content.length === 0 && analysis.qtypes.some((q) => SPECIFIC_QTYPES.has(q))) || (content.length === 1 && SLOT_WORDS[content[0] as string] !== undefined);
  const pointsBack = (analysis.followup || bare) && analysis.meetings.length === 0 && analysis.entities.length === 0 && content.length <= 1;
  if (pointsBack && !contextMeeting) return declined('no-context', 0);
  // «ما اسم القمة …» where the best match does not name it, «متى وُقّع …» where it gives no time: the
  // articles do not say (the next candidate would answer another question)
  const top = scored[0];
  // (unless another, as good, does: «أين ومتى جرت المحادثة بين تشاوش أوغلو والمقداد؟» — the planned
  // meeting gives no time, the 2021 conversation does)
  const asGood = scored.find((c) => !c.veto);
  if ((top?.veto === 'name' || top?.veto === 'time') && !(asGood && asGood.rank >= top.rank * NEAR_TIE)) {
    // (with the note of a known gap on it, when there is one)
    const gap = content.length > 0 ? scored.find((c) => c.target.kind === 'gap' && !c.veto && c.rank >= top.rank * 0.5) : undefined;
    return gap ? declined('gap', gap.confidence, { gap: gap.target.ref }) : declined('low-confidence', top.confidence);
  }
  const eligible = scored.filter((c) => !c.veto);
  const first = eligible[0];
  if (!first) return declined('no-candidate', 0);
  // «في أي ساعة بدأ الاجتماع الرباعي؟»: no article gives the time of day; say what they say of the day
  if (analysis.asksClock) {
    const meeting = contextMeeting ?? (analysis.meetings.length === 1 ? analysis.meetings[0] : undefined) ?? first.target.meeting;
    const info = meeting !== undefined ? catalog.meetingInfo.get(meeting) : undefined;
    return declined('gap', first.confidence, { note: engineText.decline.clockTime(info?.date ? { title: info.title, stated: info.date.stated } : undefined) });
  }
  // the best matches are about the question but cannot answer it (another speaker, meeting, a yes or
  // no they do not give): one far behind them answers another question
  if (top !== undefined && top.veto && first.rank < top.rank * VETOED_MARGIN) return declined('low-confidence', first.confidence);
  let lead = first;
  const threshold = analysis.speech && analysis.speakers.length > 0 ? Math.max(options.threshold, options.speechThreshold) : options.threshold;
  if (first.confidence < threshold) {
    const alternative = eligible.find((c) => c.rank >= first.rank * NEAR_TIE && c.confidence >= threshold);
    if (!alternative) {
      return declined('low-confidence', first.confidence);
    }
    lead = alternative;
  }
  // «مين نواب الوزراء اللي حضروا اجتماع آذار؟», «امتى الاجتماع الرباعي الجاي؟»: a detail of the meeting
  // that the articles leave out; decline with what they do say
  const meetingAsked = contextMeeting ?? (analysis.meetings.length === 1 ? analysis.meetings[0] : undefined) ?? lead.target.meeting;
  // (not for a meeting named only to say which thing is meant: «أين يقع طريق M4 الذي نوقش في الاجتماع الرباعي؟»)
  // (nor for a question in two parts, «مين حضر ووين انعقد بالزبط؟»: the part the articles give is answered)
  const parts = [...new Set(analysis.qtypes.flatMap((q) => PART_QTYPES[q] ?? []))].filter((slot) => slot !== 'participants' || askedSlots.has('participants'));
  // (nor when the best match is background to the meeting, not a part of it: «طريق M4 … بيوصل بين فين
  // وفين؟» asks where the road goes)
  const aboutMeeting = lead.target.kind === 'meeting' || MEETING_SLOTS.has(lead.target.slot ?? '');
  const unstated = meetingAsked !== undefined && !onlyTiming ? unstatedNote(catalog, meetingAsked, analysis, askedSlots, aboutMeeting && parts.length < 2) : undefined;
  if (unstated) return declined('gap', lead.confidence, { note: unstated });
  // «في أي تاريخ بالضبط انعقد الاجتماع الرباعي؟»: the articles give a weekday, not the date; say so,
  // with what they say and the inferred date
  // («في أي تاريخ عُقدت المباحثات؟» asks for the calendar date too, which a weekday alone does not give;
  // «15 و16 آذار» does, its year inferred)
  const dated = meetingAsked !== undefined && (analysis.exact || analysis.asksDate) && (analysis.qtypes.includes('when') || analysis.terms.includes('موعد') || analysis.asksDate) && !analysis.future ? catalog.meetingInfo.get(meetingAsked) : undefined;
  if (dated?.date?.inferred && (analysis.exact || !/\d/.test(dated.date.stated))) return declined('gap', lead.confidence, { note: engineText.decline.inferredDate(dated.title, dated.date.stated, dated.date.label) });
  // «هل التقى أردوغان بالأسد في النهاية؟», «هل فتحت روسيا فعلًا المجال الجوي؟»: what happened after the
  // articles; only the record of a meeting held answers it
  // («هل صار فيدان وزير خارجية بعدين؟» is not about a meeting at all)
  if (analysis.aftermath && !(mentionsMeeting(analysis) && recordOfHeld(catalog, lead.target, analysis.aftermath, analysis))) return declined('aftermath', lead.confidence);
  // «حدثني عن الاجتماع الذي عُقد يوم الثلاثاء بمشاركة …»: a meeting described rather than named, asked
  // about as a whole: its card
  const describedMeeting = analysis.framed && analysis.terms.includes('اجتماع') && !analysis.qtypes.some((q) => SPECIFIC_QTYPES.has(q) || q === 'yesno') && lead.target.kind === 'fact' && lead.target.meeting !== undefined;
  if (describedMeeting) {
    const card = eligible.find((c) => c.target.id === `meeting:${lead.target.meeting}`);
    if (card) return { answer: true, chosen: [card], candidates: scored, confidence: lead.confidence, ...(contextMeeting ? { contextMeeting } : {}) };
  }
  // a known gap («من فاز بالانتخابات التركية؟»): the articles do not say; decline with what they do say
  // (unless a fact covers the question as well and ranks close: «شو كانت تقول المظاهرات؟» is answered,
  // «في أي مدن خرجت المظاهرات؟» is the gap)
  // a question that is (nearly) one of a known gap's own questions is that gap, whatever ranks first
  // («لماذا قرر ترامب سحب القوات الأمريكية من سوريا؟»: the decision is in the articles, its reason is not)
  const exactGap = eligible.find((c) => c.target.kind === 'gap' && c.questionSimilarity >= EXACT_GAP && c.coverage >= lead.coverage && c.rank >= lead.rank * 0.5);
  // a word only a known gap's questions use is what the articles do not say («ما بنود الاتفاق الخاص
  // بطريق M4 الذي قالت سانا إنه بُحث تطبيقه؟»: what SANA said is there, the terms are not)
  const gapWords = new Set(content.flatMap((t) => catalog.gapOnlyTerms.get(t) ?? []));
  const wordGap = gapWords.size > 0 ? eligible.find((c) => gapWords.has(c.target.id) && c.rank >= lead.rank * GAP_WORD_RANK) : undefined;
  if (exactGap) lead = exactGap;
  else if (wordGap) lead = wordGap;
  else if (lead.target.kind === 'gap') {
    const gap = lead;
    const fact = eligible.find((c) => c.target.kind === 'fact' && c.coverage >= gap.coverage && c.rank >= gap.rank * GAP_MARGIN && c.confidence >= threshold);
    if (fact) lead = fact;
  }
  if (lead.target.kind === 'gap') return declined('gap', lead.confidence, { gap: lead.target.ref });
  // «أين التقى الوفد التركي بنظرائه الروس لبحث الانسحاب الأمريكي؟»: the place of the meeting the best
  // match belongs to, when it covers the question nearly as well (the words about what was discussed
  // identify the meeting; «أين» asks for its place)
  const onlySlot = analysis.qtypes.includes('where') ? 'place' : analysis.qtypes.includes('howlong') ? 'duration' : undefined;
  if (onlySlot && lead.target.kind === 'fact' && lead.target.meeting !== undefined && lead.target.slot !== onlySlot) {
    const meeting = lead.target.meeting;
    const slotFact = eligible.find((c) => c.target.kind === 'fact' && c.target.meeting === meeting && c.target.slot === onlySlot && c.coverage >= lead.coverage - SLOT_COVERAGE_SLACK && c.rank >= lead.rank * SLOT_RANK && c.confidence >= threshold);
    if (slotFact) lead = slotFact;
  }
  // «أين ومتى عُقد الاجتماع الرباعي؟», «من حضر ومتى؟»: each part of the meeting asked for
  // (the parts the articles give: a meeting whose participants they do not name still has its place)
  if (parts.length >= 2 && lead.target.kind === 'fact' && lead.target.meeting !== undefined) {
    const meeting = lead.target.meeting;
    const picks = parts.flatMap((slot) => eligible.find((c) => c.target.kind === 'fact' && c.target.meeting === meeting && c.target.slot === slot) ?? []);
    if (picks.length > 0) return { answer: true, chosen: picks, candidates: scored, confidence: lead.confidence, together: true, ...(contextMeeting ? { contextMeeting } : {}) };
  }
  // «ماذا قال كل من تشاووش أوغلو وأكار …»: the best of what each of them said
  if (analysis.speech && analysis.speakers.length > 1 && lead.target.kind === 'fact') {
    const picks = analysis.speakers.flatMap((p) => eligible.find((c) => c.target.kind === 'fact' && c.target.speakers.has(p) && c.confidence >= threshold * LIST_CONFIDENCE) ?? []);
    const unique = [...new Set(picks)];
    if (unique.length > 1) return { answer: true, chosen: unique, candidates: scored, confidence: lead.confidence, together: true, ...(contextMeeting ? { contextMeeting } : {}) };
  }
  const chosen = [lead];
  // «ما نتائج الاجتماع الرباعي؟», «ماذا بحث …» (a word naming the slot): every outcome (or topic) of that
  // meeting, not only the first
  const listSlot = lead.target.kind === 'fact' && lead.target.meeting !== undefined && LIST_SLOTS.has(lead.target.slot ?? '') && analysis.terms.some((t) => SLOT_WORDS[t]?.includes(lead.target.slot ?? ''));
  // «ماذا قال تشاووش أوغلو عن لقاء أردوغان والأسد؟»: what the speaker said about that meeting, all of it
  const speaker = analysis.speech && analysis.speechKind === 'said' && analysis.speakers.length > 0 && analysis.meetings.length > 0 && lead.target.kind === 'fact' && lead.target.meeting !== undefined;
  if (speaker) {
    for (const c of eligible) {
      if (chosen.length >= SPEAKER_MAX) break;
      if (c !== lead && c.target.kind === 'fact' && c.target.meeting === lead.target.meeting && c.rank >= lead.rank * SPEAKER_RANK && c.confidence >= threshold) chosen.push(c);
    }
  } else if (listSlot) {
    for (const c of eligible) {
      if (chosen.length >= LIST_MAX) break;
      if (c !== lead && c.target.kind === 'fact' && c.target.meeting === lead.target.meeting && c.target.slot === lead.target.slot && c.confidence >= threshold * LIST_CONFIDENCE) chosen.push(c);
    }
  } else if (lead.target.kind === 'fact') {
    for (const c of eligible.filter((c) => c !== lead)) {
      if (chosen.length >= options.maxFacts) break;
      if (c.target.kind !== 'fact' || c.rank < lead.rank * options.runnerUpRatio || c.confidence < threshold) continue;
      // a second fact only when it is about the same meeting (or both are background)
      if (c.target.meeting !== lead.target.meeting) continue;
      chosen.push(c);
    }
  }
  return { answer: true, chosen, candidates: scored, confidence: lead.confidence, ...(speaker || listSlot ? { together: true } : {}), ...(contextMeeting ? { contextMeeting } : {}) };
}

interface QuestionProfile {
  /** Its distinct terms, as the index numbers them. */
  readonly ids: Int32Array;
  /** The sum of the weights of its distinct terms (a question type counts QTYPE_WEIGHT, a word its IDF). */
  readonly weight: number;
}

const profiles = new WeakMap<Bm25Index, (QuestionProfile | undefined)[]>();

/** A curated question's distinct terms and their total weight, computed once per index and document. */
function questionProfile(index: Bm25Index, doc: number): QuestionProfile {
  let cache = profiles.get(index);
  if (!cache) profiles.set(index, (cache = []));
  let profile = cache[doc];
  if (!profile) {
    let weight = 0;
    for (const t of index.uniqueTerms(doc)) weight += PSEUDO.test(t) ? QTYPE_WEIGHT : index.idf(t);
    profile = { ids: index.uniqueTermIds(doc), weight };
    cache[doc] = profile;
  }
  return profile;
}

/**
 * Per-term weights of one decision by term number, valid where `stamp` holds the decision's
 * generation: set for a handful of terms, read for thousands, never cleared (one per index).
 */
interface TermScratch {
  gen: number;
  readonly stamp: Uint32Array;
  readonly weight: Float64Array;
  /** Where `borrowedStamp` holds the generation: a borrowed term, and its base weight. */
  readonly borrowedStamp: Uint32Array;
  readonly borrowedBase: Float64Array;
}

const scratches = new WeakMap<Bm25Index, TermScratch>();

/** The index's scratch arrays, with a fresh generation (nothing set yet). */
function termScratch(index: Bm25Index): TermScratch {
  let s = scratches.get(index);
  if (!s || s.gen >= 0xfffffffe) {
    const n = index.vocabularySize;
    s = { gen: 0, stamp: new Uint32Array(n), weight: new Float64Array(n), borrowedStamp: new Uint32Array(n), borrowedBase: new Float64Array(n) };
    scratches.set(index, s);
  }
  s.gen += 1;
  return s;
}

/** «مين المسؤول التركي اللي …؟», "Which Turkish official …?": an unnamed official the question asks to name. */
function asksWhoOfficial(e: string, analysis: Analysis, catalog: Catalog): boolean {
  return catalog.unnamed.has(e) && analysis.qtypes.includes('who') && catalog.entityTypes.get(e) === 'person' && catalog.entityCountry.get(e) !== undefined;
}

/** Whether one of the target's speakers is a person of that country. */
function officialOfCountry(target: Target, country: string, catalog: Catalog): boolean {
  for (const s of target.speakers) if (catalog.entityCountry.get(s) === country && catalog.entityTypes.get(s) === 'person') return true;
  return false;
}

function vetoFor(
  target: Target,
  analysis: Analysis,
  meetingRefs: readonly string[],
  speakerTypes: ReadonlySet<string>,
  catalog: Catalog,
  about: readonly string[],
): Candidate['veto'] {
  // («ماذا قال كل من تشاووش أوغلو وأكار»: each of the speakers is an alternative, the others need not be named)
  const eachSpeaker = analysis.speakers.length > 1 && analysis.speakers.some((p) => target.speakers.has(p));
  for (const e of analysis.entities) {
    if (eachSpeaker && analysis.speakers.includes(e)) continue;
    // (the name a claim puts up to be checked need not be in the answer: «… اسمه لافروف، صح؟»)
    if (analysis.claimed?.includes(e)) continue;
    // («ماذا حدث في الشمال بعد تعقيب كالن؟»: who is named in a «بعد …» clause dates the question)
    if (analysis.timingTerms.includes(`@${e}`) && !analysis.speakers.includes(e)) continue;
    const alias = catalog.standsFor.get(e);
    // («Which Turkish officials arrived in Moscow?»: officials the articles do not name, unless they are
    // the one speaking, are any of that country's)
    const country = catalog.entityCountry.get(e);
    if (catalog.unnamed.has(e) && !analysis.speakers.includes(e) && country !== undefined && target.closure.has(country)) continue;
    // («مين المسؤول التركي اللي قال …؟»: an unnamed official whom the question asks to name is any
    // official of that country who said it)
    if (asksWhoOfficial(e, analysis, catalog) && officialOfCountry(target, country as string, catalog)) continue;
    // (a known gap is about its subject; the countries around it do not make it another question)
    if (target.kind === 'gap' && catalog.entityTypes.get(e) === 'country') continue;
    if (!target.closure.has(e) && !(alias && target.closure.has(alias))) return 'entity';
  }
  if (meetingRefs.length > 0) {
    const inMeeting =
      (target.meeting !== undefined && meetingRefs.includes(target.meeting)) ||
      target.meetingsAttended.some((m) => meetingRefs.includes(m));
    if (!inMeeting) return 'meeting';
  }
  // «ماذا قال X» / «ما موقف X»: X must be the one speaking or holding the position
  const speakers = analysis.speakers.map((e) => (speakerTypes.has(catalog.entityTypes.get(e) ?? '') ? e : (catalog.entityCountry.get(e) ?? e)));
  if (analysis.speech && speakers.length > 0) {
    // a position or an aim may be held by the speaker's country («ماذا يريد الأسد» → Damascus's demands)
    // and a country's aim or position is also held by its officials («شكو تركيا ما تريد تطلع» → what
    // the Turkish foreign minister said)
    // (and what a news agency «said» is what it reported: «شو قالت سبوتنيك؟» → the words it quoted)
    const holds = (e: string) =>
      target.speakers.has(e) ||
      (asksWhoOfficial(e, analysis, catalog) && officialOfCountry(target, catalog.entityCountry.get(e) as string, catalog)) ||
      (target.kind === 'fact' && catalog.entityTypes.get(e) === 'media' && target.closure.has(e)) ||
      (analysis.speechKind === 'stance' && (target.speakers.has(catalog.entityCountry.get(e) ?? '') || (catalog.entityTypes.get(e) === 'country' && officialOfCountry(target, e, catalog))));
    if ((target.kind !== 'fact' && target.kind !== 'gap') || !speakers.some(holds)) return 'speaker';
    // and what they said must be about what is asked («ماذا قال أردوغان عن اللاجئين؟»)
    if (target.kind === 'fact' && about.length > 0 && !about.some((t) => target.coverTerms.has(t) || target.terms.has(t))) return 'about';
  }
  // a gap says what is not known: the checks on what an answer must contain do not apply; but it
  // covers only the kinds of question curated for it («إلى أين سيتوجه رئيسي» is not «هل زار»), and a
  // question about the future is not about what did or did not happen
  if (target.kind === 'gap') {
    if (analysis.qtypes.some((q) => SPECIFIC_QTYPES.has(q) && !target.terms.has(`?${q}`))) return 'meeting';
    if (analysis.future && target.meeting !== undefined && catalog.meetingStatus.get(target.meeting) === 'held') return 'meeting';
    return undefined;
  }
  const yesno = yesNoVeto(target, analysis, speakerTypes, catalog);
  if (yesno) return yesno;
  // «ما اسم القمة …»: the answer must name something the question does not (a body, a road, a place…)
  // (not the names a medium is asked to have reported: «أي وكالة نقلت أسماء المشاركين؟» asks the agency)
  if (analysis.asksName && !analysis.asksMedia) {
    const asked = new Set(analysis.entities.flatMap((e) => [e, catalog.standsFor.get(e) ?? e]));
    const naming = (t: string) => t.startsWith('@') && NAMED_TYPES.has(catalog.entityTypes.get(t.slice(1)) ?? '') && !asked.has(t.slice(1));
    // the name follows the thing in the text («طريق M4», «قناة tv100»); a card names its own
    const head = analysis.asksName;
    // (or is part of the name: «بالطريق الدولي M4» is the road «طريق» asks for)
    const isHead = (t: string) => naming(t) && (catalog.entityWords(t.slice(1)).has(head));
    const named =
      target.kind === 'fact'
        ? target.sequences.some((seq) => seq.some((t, i) => (t === head && seq.slice(i + 1, i + 3).some(naming)) || isHead(t)))
        : [...target.named].some((e) => naming(`@${e}`));
    if (!named) return 'name';
  }
  // «في أي مدينة …» / «من هو المبعوث الأممي؟»: the answer must name a place / a person the question does not
  if (analysis.asksCity && !namesAnother(target, 'place', analysis, catalog)) return 'name';
  // («ما اسم المبعوث الأممي؟»: the articles mention him without a name; only a known gap says so)
  if (analysis.asksUnnamed !== undefined) return 'name';
  if (analysis.asksPerson && !namesAnother(target, 'person', analysis, catalog)) return 'name';
  if (analysis.asksNames && target.kind !== 'entity' && !analysis.asksNames.every((p) => target.named.has(p))) return 'name';
  // «على أي قناة …», «أي وكالة نقلت …»: the answer must name a channel, agency or website
  // (unless the question itself describes the medium: «أي موقع بريطاني نشر …» is Middle East Eye)
  const describesMedium = analysis.entities.some((e) => catalog.entityTypes.get(e) === 'media');
  if (analysis.asksMedia && !describesMedium && !namesAnother(target, 'media', analysis, catalog)) return 'name';
  // «متى انعقد مؤتمر سوتشي؟»: what someone said gives no time for what they spoke of, unless it is
  // their saying that is asked about («متى قال لافروف …»)
  // (a bare «وإيمتى؟» after a statement asks when it was made)
  if (analysis.qtypes.includes('when') && !analysis.speech && analysis.terms.length > 0 && target.kind === 'fact' && (target.slot === 'statement' || target.slot === 'position')) return 'time';
  // «متى وُقّع اتفاق M4؟»: background that gives no time does not say when (nor does its meeting's date)
  // (but «منذ متى يلوّح أردوغان بعملية؟» is answered by «منذ أسابيع»)
  const sinceGiven = analysis.since === true && target.terms.has('منذ');
  if (analysis.qtypes.includes('when') && target.kind === 'fact' && !target.terms.has('?when') && !sinceGiven && (target.meeting === undefined || target.slot === 'context' || target.slot === 'background')) return 'time';
  // «متى بالضبط ستنسحب القوات التركية؟»: an exact «when» needs a calendar date, not «حاليًا»
  // (a meeting's date fact says what is known of it, «لم يتم تحديد التاريخ بالضبط» included)
  if (analysis.exact && analysis.qtypes.includes('when') && target.kind === 'fact' && target.slot !== 'date' && !hasCalendarDate(target.terms)) return 'time';
  // «متى انعقد مؤتمر سوتشي؟»: a meeting elsewhere than the place asked about does not say when
  // (in «متى قال تشاووش أوغلو إن بلاده لن تنسحب من شمال سوريا؟» the place is what he spoke of)
  if (analysis.qtypes.includes('when') && !analysis.speech && !sinceGiven && target.kind === 'fact' && target.meeting !== undefined) {
    const places = catalog.meetingInfo.get(target.meeting)?.placeEntities;
    if (analysis.entities.some((e) => catalog.entityTypes.get(e) === 'place' && !places?.has(e))) return 'time';
  }
  // «متى موعد الانتخابات التركية؟»: a meeting's date answers «when» only for a question about that
  // meeting (named, its participants named, or a meeting asked about at all)
  if (analysis.qtypes.includes('when') && target.kind === 'fact' && target.slot === 'date' && target.meeting !== undefined && !meetingRefs.includes(target.meeting)) {
    const people = catalog.meetingInfo.get(target.meeting)?.people;
    // (a meeting named only in a clause about something else, «الانتخابات اللي منعت لقاء أيار», is not asked about)
    const meetingWords = analysis.terms.filter((t) => t === 'اجتماع' || t === 'اجتماعات').length;
    const inClause = analysis.timingTerms.filter((t) => t === 'اجتماع' || t === 'اجتماعات').length;
    const aboutMeeting = meetingWords > inClause || analysis.entities.some((e) => people?.has(e));
    if (!aboutMeeting) return 'time';
  }
  // a meeting that has not taken place has no outcomes
  // nor has it happened «before» («هل التقى نظيره من قبل؟»)
  // (not «ما الموعد الذي اقتُرح سابقًا …؟»: what was proposed before, not whether they met before)
  const earlier = analysis.terms.indexOf('سابق');
  const metEarlier = earlier >= 0 && analysis.terms.some((t, i) => t === 'اجتماع' && Math.abs(i - earlier) <= 2);
  const before = analysis.qtypes.includes('yesno') && (metEarlier || analysis.before === true);
  // (not results spoken of: «مين اللي قال إن لقاء أردوغان والأسد لازم يكون لنتائج ملموسة؟»)
  const resultAt = analysis.terms.indexOf('نتيجه');
  const saidAt = analysis.terms.indexOf('قال');
  const resultAsked = resultAt >= 0 && (saidAt < 0 || resultAt < saidAt);
  if (!analysis.quotes && (resultAsked || before) && target.meeting !== undefined && catalog.meetingStatus.get(target.meeting) !== 'held') return 'meeting';
  // («ماذا دار في لقاء أردوغان والأسد وما الذي اتفقا عليه؟»: what was agreed at a meeting named that
  // had not been held)
  const agreedAsked = analysis.terms.includes('اتفاق') && !analysis.qtypes.includes('yesno') && (saidAt < 0 || analysis.terms.indexOf('اتفاق') < saidAt);
  if (!analysis.quotes && agreedAsked && target.meeting !== undefined && analysis.meetings.includes(target.meeting) && catalog.meetingStatus.get(target.meeting) !== 'held') return 'meeting';
  // «كم طول الطريق؟», «كم دامت؟»: a duration, which only a fact giving one has
  if (analysis.qtypes.includes('howlong') && !target.terms.has('?howlong')) return 'number';
  if (analysis.qtypes.includes('howmany')) {
    if (!target.terms.has('?howmany')) return 'number';
    // «كم عدد المتظاهرين بالضبط؟»: an exact count needs a figure, not «الآلاف»
    if (analysis.exact && !target.sequences.some((seq) => seq.some((t) => /^\d+$/.test(t)))) return 'number';
    // «كم عدد الجنود الأتراك»: the counted noun, qualified the same way, must be in the text
    const c = analysis.count;
    // («كم من العمليات التركية …»: a country qualifying the noun is satisfied by that country's own
    // actions, wherever the text names it)
    const country = c?.modifier?.startsWith('@') && catalog.entityTypes.get(c.modifier.slice(1)) === 'country' ? c.modifier.slice(1) : undefined;
    // (and then the noun must be the one counted: «أربع عمليات»)
    const byHolder = country !== undefined && target.speakers.has(country);
    // (a number of people: a crowd's size, «خرج الآلاف»)
    if (c?.head === PERSONS_COUNTED) return target.sequences.some((seq) => seq.some((t) => CROWD_TERMS.has(t))) ? undefined : 'number';
    if (c && !target.sequences.some((seq) => (byHolder ? hasCounted(seq, c.head) : hasPhrase(seq, c.head, c.modifier)))) return 'number';
  }
  return undefined;
}


/** True when the terms hold a year, a month or a day (not only «حاليًا» or a weekday). */
function hasCalendarDate(terms: ReadonlySet<string>): boolean {
  for (const t of terms) if (t.startsWith('t:y') || t.startsWith('t:m') || t.startsWith('t:d')) return true;
  return false;
}

/**
 * The one meeting whose words include every word of the question's «الذي …» clause after a meeting word
 * (two words at least, dates aside), when the question names no meeting and has no previous one.
 */
function meetingDescribedBy(catalog: Catalog, analysis: Analysis, contextMeeting: string | undefined): string | undefined {
  if (analysis.meetings.length > 0 || contextMeeting !== undefined) return undefined;
  const words = [...new Set(analysis.describingTerms ?? [])].filter((t) => !t.startsWith('t:') && t !== 'اجتماع' && t !== 'اجتماعات' && catalog.index.df(t) > 0);
  if (words.length < 2) return undefined;
  let found: string | undefined;
  for (const [meeting, terms] of catalog.meetingTerms) {
    if (!words.every((t) => terms.has(t))) continue;
    if (found !== undefined) return undefined;
    found = meeting;
  }
  return found;
}

/** True when the question speaks of a meeting: a meeting word («اجتماع», «لقاء», «قمة»…), or, when `named` counts, a meeting it names. */
function mentionsMeeting(analysis: Analysis, named = true): boolean {
  return (named && analysis.meetings.length > 0) || analysis.terms.includes('اجتماع') || analysis.terms.includes('اجتماعات');
}

/** Verbs saying a meeting took place («انعقد», «held»): not «عقد», also the noun «holding». */
const HELD_WORDS = new Set(['انعقد', 'انعقدت', 'اتعقد', 'اتعقدت', 'انعمل', 'اتعمل', 'held', 'happened', 'took']);
/** Slots that record what happened at a meeting (a statement or a plan made there does not say what came of it). */
const RECORD_SLOTS = new Set(['participants', 'date', 'place', 'duration', 'outcome']);
/** …and, for a weak «فعلًا», what was discussed and how it went. */
const RECORD_SLOTS_WEAK = new Set([...RECORD_SLOTS, 'topics', 'atmosphere', 'statement', 'status']);


/**
 * A yes/no question the target does not answer yes or no, though it is about the same things:
 * - «هل وافقت دمشق على فتح طريق M4؟»: whether someone agreed is answered only by a fact that says they
 *   agreed, refused, or what was agreed (not by one that says the road was discussed);
 * - «هل سيعيد الأسد اللاجئين؟»: what someone will do is on record only as their own words or plan, or
 *   as a meeting they are to attend (not as what another side wants of them).
 */
function yesNoVeto(target: Target, analysis: Analysis, speakerTypes: ReadonlySet<string>, catalog: Catalog): Candidate['veto'] {
  if (!analysis.qtypes.includes('yesno') || (target.kind !== 'fact' && target.kind !== 'meeting')) return undefined;
  const has = (t: string) => target.coverTerms.has(t) || target.terms.has(t);
  // (an agreement answers it as a meeting's outcome, not as background: «تطبيق الاتفاق الخاص بطريق M4»)
  const agreed = has('قبول') || has('رفض') || (has('اتفاق') && (target.slot === 'outcome' || target.slot === 'status'));
  if (analysis.terms.includes('قبول') && !agreed) return 'yesno';
  const subject = analysis.future ? analysis.entities.find((e) => speakerTypes.has(catalog.entityTypes.get(e) ?? '')) : undefined;
  if (subject === undefined) return undefined;
  const side = catalog.standsFor.get(subject);
  const attends = target.meeting !== undefined && catalog.meetingInfo.get(target.meeting)?.people.has(subject);
  if (target.speakers.has(subject) || (side !== undefined && target.speakers.has(side)) || attends) return undefined;
  return 'yesno';
}

/** True when the target records what happened at a meeting that was held (see `Analysis.aftermath`). */
function recordOfHeld(catalog: Catalog, target: Target, strength: 'strong' | 'weak', analysis: Analysis): boolean {
  const meeting = target.kind === 'meeting' ? target.ref : target.meeting;
  // («هل تقرر فعلًا عقد القمة أم ما زالت احتمالًا؟»: where a planned meeting stands is on record;
  // «هل انعقد فعلًا اجتماع وزيري الخارجية؟», whether it then took place, is not)
  const heldAsked = analysis.words.some((w) => HELD_WORDS.has(w));
  if (strength === 'weak' && target.kind === 'fact' && target.slot === 'status' && !heldAsked) return true;
  if (meeting === undefined || catalog.meetingStatus.get(meeting) !== 'held') return false;
  if (target.kind === 'meeting') return true;
  return target.kind === 'fact' && (strength === 'strong' ? RECORD_SLOTS : RECORD_SLOTS_WEAK).has(target.slot ?? '');
}

/**
 * The note for a detail of the meeting the question asks for and the articles leave out (meetings.yaml
 * `unstated`), if that is what it asks: the next meeting (a future «when» about a held meeting), the
 * participants' names («who», not «at what level»), where the place the articles give is, the outcome
 * (these three only when `aboutMeeting`: the best match is the meeting or a part of it, not background).
 */
function unstatedNote(catalog: Catalog, meeting: string, analysis: Analysis, asked: ReadonlyMap<string, number>, aboutMeeting: boolean): string | undefined {
  const info = catalog.meetingInfo.get(meeting);
  if (!info) return undefined;
  const { unstated } = info;
  const q = analysis.qtypes;
  const when = q.includes('when') || analysis.terms.includes('موعد');
  // («وين رح ينعقد الاجتماع الرباعي الجاي؟»: where the next one will be, as little known)
  // (not «امتى صرّح تشاووش أوغلو إن تركيا ما رح تطلع …»: the future is in what he said)
  if (unstated.next && analysis.future && !analysis.speech && mentionsMeeting(analysis) && (when || q.includes('where')) && catalog.meetingStatus.get(meeting) === 'held') return unstated.next;
  // (the meeting's own details only when the best match is about the meeting, not background to it)
  if (!aboutMeeting) return undefined;
  const namesPerson = analysis.entities.some((e) => catalog.entityTypes.get(e) === 'person');
  if (unstated.participants && q.includes('who') && asked.has('participants') && !namesPerson && !analysis.terms.includes('مستوي')) return unstated.participants;
  // («أين جرت المحادثة؟» is answered with the place the articles give, «على هامش قمة إقليمية»; «وين
  // انعقدت القمة الإقليمية؟» asks beyond it)
  const placeWords = info.placeWords;
  const beyondPlace = analysis.words.some((w) => placeWords.has(w));
  if (unstated.place && (q.includes('where') || analysis.asksCity) && beyondPlace) return unstated.place;
  // («في أي فندق انعقد الاجتماع الرباعي؟»: a building, which no article names)
  if (unstated.place && [...analysis.terms, ...analysis.words].some((w) => BUILDING_WORDS.test(w))) return unstated.place;
  if (unstated.outcome && asked.has('outcome')) return unstated.outcome;
  return undefined;
}

/** A building or a hall: a place finer than any the articles give. */
const BUILDING_WORDS = /^([وبلف]|في)?(ال)?(فندق|مبني|مبنى|قاعه|صاله|قصر|كرملين)|^(hotel|building|venue|hall|kremlin)s?$/;

/** True when the target names an entity of this type that the question does not name. */
function namesAnother(target: Target, type: string, analysis: Analysis, catalog: Catalog): boolean {
  for (const e of target.named) if (catalog.entityTypes.get(e) === type && !analysis.entities.includes(e)) return true;
  return false;
}

/** The terms of a crowd's size: «الآلاف», «المئات», «عشرات». */
const CROWD_TERMS = new Set(['الاف', 'ميا', 'عشر']);

/** True when `head` follows a number in `seq` («أربع عمليات», «2000 جندي»). */
function hasCounted(seq: readonly string[], head: string): boolean {
  return seq.some((t, i) => t === head && i > 0 && (/^\d+$/.test(seq[i - 1] as string) || NUMBER_STEMS.has(seq[i - 1] as string)));
}

/** True when `head` occurs in the sequence, followed within 3 terms by `modifier` when given. */
function hasPhrase(seq: readonly string[], head: string, modifier?: string): boolean {
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== head) continue;
    if (!modifier) return true;
    for (let j = i + 1; j <= i + 3 && j < seq.length; j++) if (seq[j] === modifier) return true;
  }
  return false;
}

/**
 * What kind of answer the question wants: «tell me about X» wants a card; a yes/no or a specific
 * question (who, when, …) wants a fact; a question naming only countries or places («what happened
 * in Moscow») wants the overview of the meetings.
 */
function intentFactor(target: Target, analysis: Analysis, content: readonly string[], catalog: Catalog): number {
  const card = target.kind === 'meeting' || target.kind === 'overview' || target.kind === 'entity';
  const specific = analysis.qtypes.some((q) => SPECIFIC_QTYPES.has(q) || q === 'yesno');
  const onlyPlaces =
    content.length > 0 &&
    analysis.meetings.length === 0 &&
    content.every((t) => t.startsWith('@') && ['country', 'place'].includes(catalog.entityTypes.get(t.slice(1)) ?? ''));
  let factor = 1;
  // the future asks about planned meetings; statements and positions made around a held meeting are not penalized
  // (every entry of a meeting still to come shares its bonus: «ما أهمية الاجتماع المرتقب» is a fact of it)
  if (analysis.future && target.meeting !== undefined) {
    const held = catalog.meetingStatus.get(target.meeting) === 'held';
    if (!held) factor *= 1.3;
    else if (target.kind === 'meeting' || MEETING_SLOTS.has(target.slot ?? '')) factor *= 0.7;
  }
  if (onlyPlaces && !specific) return factor * (target.kind === 'overview' ? 1.3 : 1);
  // a person's profile says who someone is, not when, where, why or how many
  if (target.kind === 'entity' && analysis.qtypes.some((q) => q !== 'who' && q !== 'what' && q !== 'how')) return factor * 0.6;
  if (specific && card && !(target.kind === 'entity' && analysis.qtypes.includes('who'))) return factor * 0.85;
  // «حدثني عن…», or a bare topic with no question word at all («الاجتماع الذي جمع وزراء دفاع…»): the card
  if ((analysis.framed || analysis.qtypes.length === 0) && !specific && card) return factor * 1.2;
  return factor;
}

/** The bonus of a fact whose slot the question asks for by its words or its question word, and by both. */
const SLOT_ONE = 1.3;
const SLOT_BOTH = 1.6;

/** Slots a question asks for as a list; at most LIST_MAX facts, each at least LIST_CONFIDENCE × the threshold. */
const LIST_SLOTS = new Set(['outcome', 'topics']);
const LIST_MAX = 4;
/** What one speaker said about a named meeting: at most this many facts, each within this share of the best rank. */
const SPEAKER_MAX = 3;
const SPEAKER_RANK = 0.6;
const LIST_CONFIDENCE = 0.8;

const SLOT_WORDS: Readonly<Record<string, readonly string[]>> = {
  حضر: ['participants'],
  وفد: ['participants'],
  نتيجه: ['outcome'],
  اتفاق: ['outcome'],
  مده: ['duration'],
  اجواء: ['atmosphere'],
  // («كيف وصف المشاركون الحوار؟»: how it was described is its atmosphere)
  وصف: ['atmosphere'],
  بحث: ['topics'],
  ركز: ['topics'],
  مواضيع: ['topics'],
  موضوع: ['topics'],
  مكان: ['place'],
  موعد: ['date'],
};
/** The question words that ask for one part of a meeting each (see «أين ومتى …»). */
const PART_QTYPES: Readonly<Record<string, readonly string[]>> = { where: ['place'], when: ['date'], howlong: ['duration'], who: ['participants'] };
const SLOT_QTYPES: Readonly<Record<string, readonly string[]>> = {
  who: ['participants'],
  when: ['date'],
  where: ['place'],
  why: ['topics', 'background'],
  howlong: ['duration'],
};
function slotsAsked(analysis: Analysis): Map<string, number> {
  // (not the words of a clause that says which meeting: «الاجتماع الذي ضم …» does not ask who attended)
  const timing = new Set(analysis.timingTerms);
  const byWord = new Set(analysis.terms.filter((t) => !timing.has(t)).flatMap((t) => SLOT_WORDS[t] ?? []));
  // «على ماذا شدد المجتمعون»: the attendees as the ones speaking do not ask who attended
  if (analysis.speech && !analysis.qtypes.includes('who')) byWord.delete('participants');
  // «أكار التقى مع مين»: who met whom asks who attended
  if (analysis.qtypes.includes('who') && (analysis.terms.includes('اجتماع') || (analysis.meetings.length > 0 && analysis.terms.includes('وزير')))) byWord.add('participants');
  // «… was in late December 2022, is that right?»: a date put up to be checked asks for the date
  if (analysis.qtypes.includes('yesno') && analysis.terms.some((t) => !timing.has(t) && (t.startsWith('t:m') || t.startsWith('t:d')))) byWord.add('date');
  const byType = new Set(analysis.qtypes.flatMap((q) => SLOT_QTYPES[q] ?? []));
  const out = new Map<string, number>();
  // («أين …؟» asks for nothing but the place, «كم استمر» nothing but the duration)
  const only = new Set(analysis.qtypes.flatMap((q) => (q === 'where' ? ['place'] : q === 'howlong' ? ['duration'] : [])));
  for (const s of new Set([...byWord, ...byType])) out.set(s, (byWord.has(s) && byType.has(s)) || only.has(s) ? SLOT_BOTH : SLOT_ONE);
  return out;
}
