/**
 * The answer engine: load and validate the knowledge base once, build the index, then answer
 * questions synchronously. Imports nothing from grammY.
 */
import { engineText } from '../locale/ar.ts';
import { buildCatalog, type Catalog, type Target } from './catalog.ts';
import { Composer } from './compose.ts';
import { loadKnowledge, type Fact, type Knowledge } from './knowledge/load.ts';
import { DEFAULT_MATCH, matchQuestion, type Candidate, type MatchOptions, type MatchResult } from './match.ts';
import { Analyzer } from './nlp/analyzer.ts';
import { MAX_QUESTION_CHARS, sanitizeQuestion } from './sanitize.ts';
import type { Answer, AnswerContext, Engine, MeetingSummary, SourceSummary } from './types.ts';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The knowledge directory (default: `knowledge/` at the project root). */
  readonly knowledgeDir?: string;
  /** An already loaded knowledge base (skips loading). */
  readonly knowledge?: Knowledge;
  /** Matcher thresholds (default: calibrated values). */
  readonly match?: MatchOptions;
}

/** An {@link Engine} with access to its internals, for evaluation and benchmarks. */
export interface EngineInternals extends Engine {
  readonly knowledge: Knowledge;
  readonly analyzer: Analyzer;
  readonly catalog: Catalog;
  /** The matcher's raw decision for a question (no composition). */
  explain(question: string, context?: AnswerContext): MatchResult | undefined;
  /** The answer a target (`fact:…`, `meeting:…`, `entity:…`) gives, for baselines and tests. */
  answerFor(targetId: string): Answer | undefined;
}

/**
 * Loads the knowledge base (throws {@link KnowledgeError} if anything is wrong) and returns an engine.
 * @example
 * const engine = createEngine();
 * const a = engine.answer('من حضر الاجتماع الرباعي؟');
 * console.log(a.text, a.citations.map((c) => c.source));
 */
export function createEngine(options: EngineOptions = {}): EngineInternals {
  const kb = options.knowledge ?? loadKnowledge(options.knowledgeDir);
  const analyzer = new Analyzer(kb);
  const catalog = buildCatalog(kb, analyzer);
  const composer = new Composer(kb);
  const matchOptions = options.match ?? DEFAULT_MATCH;

  const meetingList: MeetingSummary[] = [...kb.meetings.values()]
    .map((m) => {
      const sourceDates = m.sources.map((s) => kb.sources.get(s)?.date.resolved ?? '').sort();
      return {
        id: m.id,
        title: m.title,
        shortTitle: m.shortTitle,
        dateLabel: composer.dateLabel(m),
        sortKey: m.date?.resolved ?? `${sourceDates[sourceDates.length - 1] ?? ''}~`,
        status: m.status,
        ...(m.place ? { place: m.place } : {}),
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));

  const sourceList: SourceSummary[] = [...kb.sources.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      titleIsEditorial: s.titleKind === 'editorial',
      ...(s.outlet ? { outlet: s.outlet } : {}),
      dateLabel: s.date.inferred ? `${s.date.label} ${engineText.card.inferred}` : s.date.label,
      dateInferred: s.date.inferred,
      summary: s.summary,
    }));

  // the newest article's date: what a question about «afterwards» goes beyond
  const newest = [...kb.sources.values()].sort((a, b) => b.date.resolved.localeCompare(a.date.resolved))[0];
  const latestArticle = newest ? (newest.date.inferred ? `${newest.date.label} ${engineText.card.inferred}` : newest.date.label) : '';

  const exampleQuestions = meetingList
    .map((m) => catalog.targets.get(`meeting:${m.id}`)?.canonicalQuestion)
    .filter((q): q is string => Boolean(q));

  const suggestionsFrom = (candidates: readonly Candidate[]): string[] => {
    const out: string[] = [];
    const ordered = [...candidates.filter((c) => !c.veto), ...candidates.filter((c) => c.veto)];
    for (const c of ordered) {
      const q = c.target.canonicalQuestion;
      if (q && !out.includes(q)) out.push(q);
      if (out.length === 3) break;
    }
    for (const q of exampleQuestions) {
      if (out.length >= 3) break;
      if (!out.includes(q)) out.push(q);
    }
    return out;
  };

  const compose = (result: MatchResult, previousMeeting?: string): Answer => {
    const first = result.chosen[0] as Candidate;
    const matched = result.chosen.map((c) => c.target.id);
    const score = round(result.confidence);
    const t: Target = first.target;
    if (t.kind === 'meeting') return composer.card(t.ref, { score, matched }) as Answer;
    if (t.kind === 'entity') return composer.profile(t.ref, { score, matched }) as Answer;
    if (t.kind === 'overview') return composer.overview({ score, matched });
    const facts = result.chosen.filter((c) => c.target.kind === 'fact').map((c) => kb.facts.get(c.target.ref) as Fact);
    return composer.facts(facts, { score, matched, ...(previousMeeting ? { previousMeeting } : {}), ...(result.together ? { together: true } : {}) });
  };

  const explain = (question: string, context: AnswerContext = {}): MatchResult | undefined => {
    const s = sanitizeQuestion(question);
    if (!s.ok) return undefined;
    return matchQuestion(catalog, analyzer.analyze(s.text, { mode: 'query' }), context, matchOptions);
  };

  const answer = (question: string, context: AnswerContext = {}): Answer => {
    try {
      const s = sanitizeQuestion(question);
      if (!s.ok) {
        const text =
          s.problem === 'tooLong'
            ? engineText.invalid.tooLong(s.length, MAX_QUESTION_CHARS)
            : engineText.invalid[s.problem];
        return composer.notAnswered('invalid', text, s.problem === 'tooLong' ? [] : exampleQuestions.slice(0, 3));
      }
      const analysis = analyzer.analyze(s.text, { mode: 'query' });
      // weather, the time…: off topic whatever else the message says
      // (but «الساعة كم بدأ الاجتماع الثلاثي؟» asks the time of day of a meeting: declined with a note)
      const offtopic = analysis.smalltalk.includes('offtopic') && !(analysis.asksClock && analysis.terms.length > 0);
      const noQuestion = analysis.terms.length === 0 && analysis.qtypes.length === 0;
      if ((offtopic || noQuestion) && analysis.smalltalk.length > 0 && analysis.foreign.length === 0) {
        const kind = (offtopic ? 'offtopic' : analysis.smalltalk[0]) as keyof typeof engineText.smalltalk;
        const withExamples = kind === 'greeting' || kind === 'whoareyou' || kind === 'help' || kind === 'insult' || kind === 'offtopic';
        return composer.notAnswered('smalltalk', engineText.smalltalk[kind], withExamples ? exampleQuestions.slice(0, 3) : []);
      }
      // «شو الفرق بين الاجتماع الثلاثي والرباعي؟»: the meetings side by side
      if (analysis.compares && analysis.meetings.length >= 2 && analysis.foreign.length === 0) {
        const compared = composer.compare(analysis.meetings, { score: 1, matched: analysis.meetings.map((m) => `meeting:${m}`) });
        if (compared) return compared;
      }
      // «رتّب لي اجتماعات موسكو زمنيًا»: the timeline; «ما الاجتماع الذي سبق الاجتماع الرباعي؟»: the one before
      if (analysis.order && analysis.foreign.length === 0) {
        if (analysis.order.kind === 'list' && analysis.meetings.length !== 1) return composer.overview({ score: 1, matched: ['overview:meetings'] });
        if (analysis.order.kind !== 'list' && analysis.meetings.length === 1) {
          const next = composer.neighbours(analysis.meetings[0] as string, analysis.order.kind, analysis.order.all, { score: 1, matched: [] });
          if (next) return next;
        }
      }
      // «قارن بين ما قالته أنقرة وما قالته دمشق عن الاجتماع الرباعي»: the accounts of that meeting side by side
      // (a comparison word, two sides named, no yes/no: «ما الفرق بين البيان الروسي ورواية سانا …»)
      const sides = analysis.entities.filter((e) => ['country', 'media', 'org'].includes(catalog.entityTypes.get(e) ?? ''));
      // (only a «what» or yes/no question: «كيف وصف الجانب السوري الاجتماع رغم اختلاف الروايات؟» asks one
      // side's words; "did Damascus's version match Ankara's?" asks for both, but not when the difference
      // is only granted: «هل وصفت سانا الاجتماع بأنه إيجابي رغم اختلاف روايتها …؟»)
      // («شو الفرق بين رواية أنقرة ورواية دمشق؟», no meeting named: the dispute whose accounts are theirs)
      if (analysis.comparesWords && sides.length >= 2 && analysis.qtypes.every((q) => q === 'what' || (q === 'yesno' && !analysis.concedes)) && analysis.meetings.length <= 1 && analysis.foreign.length === 0) {
        const accounts = [...kb.facts.values()].filter((f) => f.dispute !== undefined && (analysis.meetings.length === 0 || f.meeting === analysis.meetings[0]));
        const told = (side: string, dispute: string | undefined) => accounts.some((f) => f.dispute === dispute && catalog.targets.get(`fact:${f.id}`)?.speakers.has(side));
        const disputed = analysis.meetings.length === 1 ? accounts[0] : accounts.find((f) => sides.every((side) => told(side, f.dispute)));
        if (disputed) return composer.facts([disputed], { score: 1, matched: [`fact:${disputed.id}`] });
      }
      const result = matchQuestion(catalog, analysis, context, matchOptions);
      // «هل التطبيع منيح؟ شو رأيك»: the bot gives no opinion of its own; what the sides said, it does
      if (analysis.opinion) return composer.notAnswered('decline', engineText.decline.opinion, suggestionsFrom(result.candidates), round(result.confidence));
      if (result.answer) return compose(result, context.meetingId);
      let text: string = engineText.decline.notCovered;
      if (result.reason === 'foreign') text = engineText.decline.foreign(`«${(analysis.foreignShown ?? analysis.foreign).join('، ')}»`);
      else if (analysis.asksUnnamed !== undefined && result.reason !== 'gap') text = engineText.decline.unnamed((kb.entities.get(analysis.asksUnnamed)?.name ?? '').replace(/\s*\(.*\)$/, ''));
      else if (result.reason === 'no-context') text = engineText.decline.noContext;
      else if (result.reason === 'aftermath') text = engineText.decline.aftermath(latestArticle);
      else if (result.reason === 'gap' && (result.note || result.gap)) text = engineText.decline.gap(result.note ?? kb.gaps.get(result.gap ?? '')?.note ?? '');
      return composer.notAnswered('decline', text, suggestionsFrom(result.candidates), round(result.confidence));
    } catch (error) {
      // the engine must never throw on a question; a bug here becomes a polite decline
      process.emitWarning(`engine error: ${(error as Error).message}`);
      return composer.notAnswered('decline', engineText.decline.unclear, exampleQuestions.slice(0, 3));
    }
  };

  const answerFor = (targetId: string): Answer | undefined => {
    const [kind, ref] = targetId.split(':') as [string, string];
    const meta = { score: 1, matched: [targetId] };
    if (kind === 'meeting') return composer.card(ref, meta);
    if (kind === 'entity') return composer.profile(ref, meta);
    if (kind === 'overview') return composer.overview(meta);
    const fact = kb.facts.get(ref);
    return fact ? composer.facts([fact], meta) : undefined;
  };

  return {
    version: kb.version,
    stats: {
      sources: kb.sources.size,
      meetings: kb.meetings.size,
      facts: kb.facts.size,
      questions: kb.questions.length,
      entities: kb.entities.size,
    },
    knowledge: kb,
    analyzer,
    catalog,
    explain,
    answerFor,
    answer,
    meetings: () => meetingList,
    meetingCard: (id: string) => composer.card(id),
    sources: () => sourceList,
    examples: (n: number) => exampleQuestions.slice(0, Math.max(0, n)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
