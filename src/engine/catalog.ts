/**
 * The searchable catalog: every answerable target (fact, meeting, person) with its documents in the
 * BM25 index, the set of terms it knows, the entities it involves, and who speaks in it.
 */
import type { Fact, Knowledge } from './knowledge/load.ts';
import type { DateInfo, MeetingEntry } from './knowledge/schema.ts';
import type { Analyzer } from './nlp/analyzer.ts';
import { isoDateTokens, isoWeekdayToken } from './nlp/dates.ts';
import { Bm25Index, type IndexedDoc } from './search/bm25.ts';

/** One answerable target. */
export interface Target {
  /** `fact:<id>`, `meeting:<id>` or `entity:<id>`. */
  readonly id: string;
  /** `gap`: a known gap (`gaps.yaml`), which declines with its note when it wins. */
  readonly kind: 'fact' | 'meeting' | 'entity' | 'overview' | 'gap';
  readonly ref: string;
  /** Every term of every document of the target. */
  readonly terms: Set<string>;
  /** Terms that count toward coverage: answer text, curated questions, name cards — not quotes. */
  readonly coverTerms: Set<string>;
  /** Ordered term sequences of the answer text and quotes (for «how many X» phrase checks). */
  readonly sequences: (readonly string[])[];
  /** Entities the target involves, expanded with their countries. */
  readonly closure: Set<string>;
  /** Who speaks or holds the position (claimant and `holders`), expanded with countries. */
  readonly speakers: Set<string>;
  /** Entities the target's own text names (a fact's text and quotes; a meeting's people, countries and place). */
  readonly named: Set<string>;
  /** The meeting the target belongs to (facts) or is (meetings). */
  readonly meeting?: string;
  /** The fact's slot (facts only). */
  readonly slot?: string;
  /** The dispute group of a fact that is one account among others (facts only). */
  readonly dispute?: string;
  /** Meetings a person took part in (entity targets), or that a fact also answers for. */
  readonly meetingsAttended: readonly string[];
  /** The canonical curated question, shown as a suggestion. */
  canonicalQuestion?: string;
  /** What a follow-up to an answer from this target is about: its canonical question's terms, its own id term. */
  readonly focusTerms: Set<string>;
}

/** Question-type pseudo-terms a fact of each slot answers. */
const SLOT_TERMS: Readonly<Record<string, readonly string[]>> = {
  participants: ['?who', 'حضر', 'وفد'],
  date: ['?when', 'موعد'],
  place: ['?where', 'مكان'],
  duration: ['?howlong', '?howmany', 'مده'],
  topics: ['?what', '?why', 'بحث', 'موضوع'],
  outcome: ['?what', 'نتيجه', 'اتفاق'],
  atmosphere: ['?how', 'اجواء'],
  statement: ['?what', 'قال'],
  position: ['?what', 'موقف', 'يريد'],
  plan: ['?what', '?how', 'خطه'],
  context: ['?what'],
  background: ['?what', '?why'],
  reaction: ['?what', 'رفض'],
  status: ['?when', '?what'],
};

/** The terms of «دول», «دولة», «البلدان»: countries as a class. */
const COUNTRY_WORDS = ['دول', 'بلد'];
/** Words in a medium's names that say what kind of medium it is. */
const MEDIUM_KIND_WORDS = new Set(['وكاله', 'الوكاله', 'قناه', 'القناه', 'موقع', 'الموقع', 'صحيفه', 'الصحيفه', 'الرسميه', 'رسميه', 'agency', 'website', 'channel', 'newspaper', 'official']);

/** Terms of the ministries that describe a meeting's level. */
export const MINISTRY_TERMS = new Set(['دفاع', 'خارجيه']);

/** Stems of number words («ألفي», «أربع», «ملايين», …) as the analyzer produces them. */
/** Stems of number words («أربع», «ألفي», «مليون»…) in analyzed text. */
export const NUMBER_STEMS: ReadonlySet<string> = new Set(['الف', 'الفين', 'اربع', 'ثلاث', 'الاف', 'ملا', 'ملي', 'مده', 'نصف', 'عدد', 'اول', 'ثاني', 'ثالث', 'مره']);

/** What the matcher checks about a meeting, built once from meetings.yaml. */
export interface MeetingInfo {
  /** Its short title, for notes. */
  readonly title: string;
  /** Its date as stated, resolved, inferred or not (none for a meeting with no date). */
  readonly date?: DateInfo;
  /** Its named participants (entity ids). */
  readonly people: ReadonlySet<string>;
  /** The ministries of its level («وزراء الخارجية والدفاع» → خارجيه, دفاع). */
  readonly ministries: ReadonlySet<string>;
  /** The places its stated place names («مقر وزارة الدفاع في موسكو» → moscow). */
  readonly placeEntities: ReadonlySet<string>;
  /** The words of its stated place, as written («على هامش قمة إقليمية» → هامش, قمه, اقليميه). */
  readonly placeWords: ReadonlySet<string>;
  /** What the articles leave out about it, with the note to decline with (meetings.yaml `unstated`). */
  readonly unstated: MeetingEntry['unstated'];
}

/** The catalog and its index. */
export interface Catalog {
  readonly targets: ReadonlyMap<string, Target>;
  readonly index: Bm25Index;
  /** Entity id → its type (person, country, place, …). */
  readonly entityTypes: ReadonlyMap<string, string>;
  /** The terms of the words in an entity's names («الطريق الدولي M4» → طريق, دول…). */
  readonly entityWords: (entityId: string) => ReadonlySet<string>;
  /** Entity id → its country, where it has one. */
  readonly entityCountry: ReadonlyMap<string, string>;
  /** Meeting id → held / planned / possible. */
  readonly meetingStatus: ReadonlyMap<string, string>;
  /** `person|country` → the holder of that person's office in that country («نظيره السوري»). */
  readonly counterparts: ReadonlyMap<string, string>;
  /** Meeting id → what the matcher checks a question against (see {@link MeetingInfo}). */
  readonly meetingInfo: ReadonlyMap<string, MeetingInfo>;
  /** Meeting id → every coverage term of the meeting and its facts (words that identify the meeting). */
  readonly meetingTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Entity id → the entity its name also stands for («الأسد» → syria). */
  readonly standsFor: ReadonlyMap<string, string>;
  /** People the articles do not name («مسؤول تركي»). */
  readonly unnamed: ReadonlySet<string>;
  /** Words only known gaps' questions use, with those gaps' target ids («بنود» → gap:m4-agreement-terms). */
  readonly gapOnlyTerms: ReadonlyMap<string, readonly string[]>;
}

/**
 * Builds the catalog from a validated knowledge base.
 * @example
 * const { targets, index } = buildCatalog(kb, analyzer);
 */
export function buildCatalog(kb: Knowledge, analyzer: Analyzer): Catalog {
  const index = new Bm25Index();
  const targets = new Map<string, Target>();
  const analyze = (text: string) => analyzer.analyze(text, { mode: 'index' });
  /** Analyzes texts one by one (each one's analysis is cached by the analyzer) and merges them. */
  // the words of a medium's names that say what it is (see facts below)
  const mediumTerms = new Map<string, readonly string[]>();
  const mediumWords = (entityId: string): readonly string[] => {
    let words = mediumTerms.get(entityId);
    if (words === undefined) {
      const e = kb.entities.get(entityId);
      const names = e?.type === 'media' ? [e.name, ...e.aliases].flatMap((n) => analyzer.words(n)) : [];
      words = [...new Set(names.filter((w) => MEDIUM_KIND_WORDS.has(w)).map((w) => analyzer.analyze(w, { mode: 'index' }).terms[0] ?? w))];
      mediumTerms.set(entityId, words);
    }
    return words;
  };
  const analyzeAll = (texts: readonly string[]) => {
    const parts = texts.filter(Boolean).map(analyze);
    return { terms: parts.flatMap((p) => p.terms), entities: [...new Set(parts.flatMap((p) => p.entities))] };
  };

  // a person's office names the body they speak for («المتحدث باسم الرئاسة التركية» → the presidency);
  // the first word is left out, or the whole office would read as the person's own alias
  const bodies = new Map<string, readonly string[]>();
  for (const e of kb.entities.values()) {
    if (e.type !== 'person' || !e.role) continue;
    bodies.set(e.id, analyze(e.role.split(/\s+/).slice(1).join(' ')).entities.filter((x) => x !== e.id && kb.entities.get(x)?.type !== 'person'));
  }
  const expand = (ids: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    const visit = (id: string) => {
      if (out.has(id)) return;
      out.add(id);
      const entity = kb.entities.get(id);
      if (entity?.country) visit(entity.country);
      // (a group that stands for a wider one: SDF, Kurdish-led, is of «الجماعات الكردية»)
      if (entity?.type === 'group' && entity.standsFor) visit(entity.standsFor);
      for (const body of bodies.get(id) ?? []) visit(body);
    };
    for (const id of ids) visit(id);
    return out;
  };

  const newTarget = (kind: Target['kind'], ref: string, extra: Partial<Target> = {}): Target => {
    const t: Target = {
      id: `${kind}:${ref}`,
      kind,
      ref,
      terms: new Set(),
      coverTerms: new Set(),
      sequences: [],
      closure: new Set(),
      speakers: new Set(),
      named: new Set(),
      meetingsAttended: [],
      focusTerms: new Set(),
      ...extra,
    };
    targets.set(t.id, t);
    return t;
  };

  const addDoc = (target: Target, field: IndexedDoc['field'], terms: readonly string[]) => {
    const id = index.add({ target: target.id, field, terms });
    for (const term of terms) {
      target.terms.add(term);
      if (field !== 'quote') target.coverTerms.add(term);
    }
    if (field === 'text' || field === 'quote') target.sequences.push(terms);
    return id;
  };

  const meetingEntities = (m: MeetingEntry): string[] => [
    ...m.participants,
    ...m.countries,
    ...m.about,
    ...analyzeAll([m.place ?? '', m.title]).entities,
  ];
  // what the matcher checks about each meeting (its place analyzed once, for its facts too)
  const meetingInfo = new Map<string, MeetingInfo>(
    [...kb.meetings.values()].map((m) => [
      m.id,
      {
        title: m.shortTitle,
        ...(m.date ? { date: m.date } : {}),
        people: new Set(m.participants),
        ministries: new Set(analyzeAll([m.level]).terms.filter((t) => MINISTRY_TERMS.has(t))),
        placeEntities: new Set(analyzeAll([m.place ?? '']).entities),
        placeWords: new Set(analyzer.words(m.place ?? '')),
        unstated: m.unstated,
      },
    ]),
  );
  const meetingDateTerms = (m: MeetingEntry): string[] => {
    if (!m.date) return [];
    const wd = isoWeekdayToken(m.date.resolved);
    return [...isoDateTokens(m.date.resolved), ...(wd ? [wd] : [])];
  };

  // meetings
  for (const m of kb.meetings.values()) {
    const t = newTarget('meeting', m.id, { meeting: m.id });
    const names = m.participants.map((p) => kb.entities.get(p)?.name ?? '').join(' ');
    const a = analyzeAll([m.title, m.shortTitle, ...m.aliases, m.level, m.place ?? '', names, m.participantsNote ?? '']);
    addDoc(t, 'name', [...a.terms, `#${m.id}`, '?what', ...meetingDateTerms(m)]);
    for (const e of expand(meetingEntities(m))) t.closure.add(e);
    for (const e of [...meetingEntities(m), ...a.entities]) t.named.add(e);
  }

  // facts
  const hasNumber = (terms: readonly string[]) => terms.some((t) => /^\d+$/.test(t) || NUMBER_STEMS.has(t));
  for (const f of kb.facts.values()) {
    const t = newTarget('fact', f.id, { slot: f.slot, meetingsAttended: f.relatedMeetings, ...(f.meeting ? { meeting: f.meeting } : {}), ...(f.dispute ? { dispute: f.dispute } : {}) });
    const meeting = f.meeting ? kb.meetings.get(f.meeting) : undefined;
    const text = analyzeAll([f.text, ...f.keywords]);
    const extra = [...(SLOT_TERMS[f.slot] ?? []), ...(hasNumber(text.terms) ? ['?howmany'] : [])];
    if (text.terms.some((t) => t.startsWith('t:'))) extra.push('?when');
    const mentionedTypes = new Set(text.entities.map((e) => kb.entities.get(e)?.type));
    // (a fact of a meeting that names the meeting's place answers «where» only as its place fact: «بحث
    // الوفدان في موسكو …» is what they discussed; where they met is the place fact's)
    const ownPlace = meeting ? meetingInfo.get(meeting.id)?.placeEntities : undefined;
    const otherPlace = text.entities.some((e) => kb.entities.get(e)?.type === 'place' && !ownPlace?.has(e));
    if (mentionedTypes.has('place') && (!meeting || f.slot === 'place' || otherPlace)) extra.push('?where');
    if (mentionedTypes.has('person') || mentionedTypes.has('country') || mentionedTypes.has('org') || mentionedTypes.has('media') || mentionedTypes.has('group')) extra.push('?who');
    if (f.by !== 'article') extra.push(`@${f.by}`);
    if (meeting) extra.push(`#${meeting.id}`, ...meetingDateTerms(meeting));
    for (const m of f.relatedMeetings) extra.push(`#${m}`);
    addDoc(t, 'text', [...text.terms, ...extra]);
    const quotes = analyzeAll(f.evidence.map((e) => e.quote));
    addDoc(t, 'quote', quotes.terms);
    // «اجتماع المقداد وتشاووش أوغلو»: every fact of a meeting is about its participants
    // (and where it was and what it is known by: «ماذا شدد المجتمعون في موسكو», «… بعد قرار ترامب»)
    if (meeting) for (const e of [...meeting.participants, ...meeting.countries, ...meeting.about, ...(meetingInfo.get(meeting.id)?.placeEntities ?? [])]) t.coverTerms.add(`@${e}`);
    // «ما الدول التي …»: a fact naming two countries or more answers for «countries»
    if (text.entities.filter((e) => kb.entities.get(e)?.type === 'country').length >= 2) for (const w of COUNTRY_WORDS) t.coverTerms.add(w);
    // «ما الوكالة الرسمية التي نقلت …»: a fact naming a medium answers for what its name calls it
    // («وكالة الأنباء السورية الرسمية» → agency, official), though the name is read as the medium
    for (const e of text.entities) for (const w of mediumWords(e)) t.coverTerms.add(w);
    // a fact naming «وزير الخارجية التركي» is about Turkey too, one naming Kalin about the presidency he speaks for
    for (const e of text.entities) {
      const country = kb.entities.get(e)?.country;
      if (country) t.coverTerms.add(`@${country}`);
      for (const body of bodies.get(e) ?? []) t.coverTerms.add(`@${body}`);
    }
    for (const e of [...text.entities, ...quotes.entities]) t.named.add(e);
    const mentioned = [...text.entities, ...quotes.entities, ...f.about, ...(f.by === 'article' ? [] : [f.by])];
    for (const e of expand([...mentioned, ...(meeting ? meetingEntities(meeting) : [])])) t.closure.add(e);
    for (const e of expand([...(f.by === 'article' ? [] : [f.by]), ...f.holders])) t.speakers.add(e);
    // (a fact that names who holds it states their position: «أصرّ النظام على خروج القوات التركية»
    // answers «ما موقف النظام»)
    if (f.holders.length > 0) t.coverTerms.add('موقف');
  }

  // people: profile cards
  for (const e of kb.entities.values()) {
    if (e.type !== 'person') continue;
    const attended = [...kb.meetings.values()].filter((m) => m.participants.includes(e.id)).map((m) => m.id);
    const t = newTarget('entity', e.id, { meetingsAttended: attended });
    const a = analyzeAll([e.name, ...e.aliases, e.role ?? '']);
    const places = attended.flatMap((m) => analyze(kb.meetings.get(m)?.place ?? '').entities.map((x) => `@${x}`));
    // a profile answers who someone is, what their post and their part are («شو منصبه؟», «شو دوره؟»)
    addDoc(t, 'name', [...a.terms, `@${e.id}`, '?who', 'منصب', 'دور', ...attended.map((m) => `#${m}`), ...new Set(places)]);
    // (and what its quotes name: «الرئيس الإيراني الذي سيزور سوريا» is Raisi's profile)
    const cited = analyzeAll([...e.evidence.map((x) => x.quote), e.note ?? '']).entities;
    for (const x of expand([e.id, ...a.entities, ...cited, ...attended.flatMap((m) => meetingEntities(kb.meetings.get(m) as MeetingEntry))])) t.closure.add(x);
    for (const x of expand([e.id])) t.speakers.add(x);
    t.named.add(e.id);
  }

  // the overview of all meetings, for broad questions («ما هي الاجتماعات؟», «آخر أخبار التطبيع»)
  const overview = newTarget('overview', 'meetings');
  addDoc(overview, 'name', [...analyze('الاجتماعات واللقاءات والمحادثات بين تركيا وسوريا في موسكو: التسلسل الزمني لمسار التطبيع').terms, '?what', '?when']);
  for (const m of kb.meetings.values()) for (const e of expand(meetingEntities(m))) overview.closure.add(e);

  // known gaps: their questions compete with the answerable ones
  for (const g of kb.gaps.values()) {
    const t = newTarget('gap', g.id, g.meeting ? { meeting: g.meeting } : {});
    const named = new Set<string>(g.about);
    for (const q of g.q) {
      const a = analyzer.analyze(q, { mode: 'index' });
      addDoc(t, 'q', [...a.terms, ...a.qtypes.map((x) => `?${x}`)]);
      for (const e of a.entities) named.add(e);
    }
    for (const e of expand([...named, ...(g.meeting ? meetingEntities(kb.meetings.get(g.meeting) as MeetingEntry) : [])])) t.closure.add(e);
    for (const e of expand(g.about)) t.speakers.add(e);
  }

  // curated questions
  for (const q of kb.questions) {
    const t = targets.get(q.target);
    if (!t) continue;
    const a = analyzer.analyze(q.q, { mode: 'index' });
    addDoc(t, 'q', [...a.terms, ...a.qtypes.map((x) => `?${x}`)]);
    if (q.canonical && !t.canonicalQuestion) {
      t.canonicalQuestion = q.q;
      for (const term of a.terms) t.focusTerms.add(term);
    }
  }

  for (const t of targets.values()) {
    if (t.kind === 'entity') t.focusTerms.add(`@${t.ref}`);
    if (t.meeting) t.focusTerms.add(`#${t.meeting}`);
  }

  index.build();
  const entityTypes = new Map([...kb.entities.values()].map((e) => [e.id, e.type]));
  // the words of an entity's names without the entity itself («الطريق الدولي M4» → طريق, دول), computed
  // when first needed (only name-of questions ask), so that start-up does not pay for it
  const wordsOf = new Map<string, ReadonlySet<string>>();
  const entityWords = (id: string): ReadonlySet<string> => {
    let words = wordsOf.get(id);
    if (!words) {
      const e = kb.entities.get(id);
      words = new Set(e ? [e.name, ...e.aliases].flatMap((n) => analyzer.words(n)).map((w) => analyzer.analyze(w, { mode: 'index' }).terms[0] ?? w) : []);
      wordsOf.set(id, words);
    }
    return words;
  };
  const entityCountry = new Map([...kb.entities.values()].filter((e) => e.country).map((e) => [e.id, e.country as string]));
  const meetingStatus = new Map([...kb.meetings.values()].map((m) => [m.id, m.status]));
  const standsFor = new Map([...kb.entities.values()].filter((e) => e.standsFor).map((e) => [e.id, e.standsFor as string]));
  const meetingTerms = new Map<string, Set<string>>();
  for (const t of targets.values()) {
    if (t.meeting === undefined || t.kind === 'overview') continue;
    const set = meetingTerms.get(t.meeting) ?? new Set<string>();
    for (const term of t.coverTerms) if (!term.startsWith('?')) set.add(term);
    meetingTerms.set(t.meeting, set);
  }
  const unnamed = new Set([...kb.entities.values()].filter((e) => e.unnamed).map((e) => e.id));
  // words only a known gap's questions use («بنود», «وُقّع», «فاز»): what the articles do not say
  const answerable = new Set<string>();
  for (const t of targets.values()) if (t.kind !== 'gap') for (const term of t.terms) answerable.add(term);
  const gapOnlyTerms = new Map<string, string[]>();
  for (const t of targets.values()) {
    if (t.kind !== 'gap') continue;
    for (const term of t.coverTerms) {
      if (answerable.has(term) || term.startsWith('?') || term.startsWith('@') || term.startsWith('#')) continue;
      gapOnlyTerms.set(term, [...(gapOnlyTerms.get(term) ?? []), t.id]);
    }
  }
  return { targets, index, entityTypes, entityWords, entityCountry, meetingStatus, meetingInfo, standsFor, unnamed, gapOnlyTerms, meetingTerms, counterparts: analyzer.counterparts() };
}
