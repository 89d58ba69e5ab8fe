/**
 * Composes answers from knowledge entries: facts (disputed accounts together, with attribution),
 * meeting cards, person profiles, declines. Every answer's text comes from the curated entries and
 * every citation is one of their verbatim quotes; the whole fits in {@link MAX_ANSWER_CHARS}.
 */
import { arabicList, engineText } from '../locale/ar.ts';
import type { Fact, Knowledge } from './knowledge/load.ts';
import type { EntityEntry, Evidence, MeetingEntry, Slot } from './knowledge/schema.ts';
import type { Answer, AnswerKind, Citation } from './types.ts';

/** Text plus sources must fit one Telegram message (4,096) with room for markup. */
export const MAX_ANSWER_CHARS = 3500;

/** The characters an answer takes: its text and each citation's title and quote. */
export function answerLength(text: string, citations: readonly Citation[]): number {
  return text.length + citations.reduce((s, c) => s + c.title.length + c.quote.length + 12, 0);
}

/**
 * Builds answers from a knowledge base.
 * @example
 * const composer = new Composer(kb);
 * composer.facts([kb.facts.get('tri-date')!], { score: 0.9, matched: ['fact:tri-date'] });
 */
export class Composer {
  private readonly cards = new Map<string, Answer>();
  private readonly profiles = new Map<string, Answer>();
  private readonly factsByMeeting = new Map<string, Fact[]>();
  private readonly disputes = new Map<string, Fact[]>();

  constructor(private readonly kb: Knowledge) {
    for (const f of kb.facts.values()) {
      if (f.meeting) this.factsByMeeting.set(f.meeting, [...(this.factsByMeeting.get(f.meeting) ?? []), f]);
      if (f.dispute) this.disputes.set(f.dispute, [...(this.disputes.get(f.dispute) ?? []), f]);
    }
    for (const m of kb.meetings.values()) this.cards.set(m.id, this.buildCard(m));
    for (const e of kb.entities.values()) if (e.type === 'person') this.profiles.set(e.id, this.buildProfile(e));
  }

  /** A citation from one evidence item. */
  citation(e: Evidence): Citation {
    const src = this.kb.sources.get(e.source);
    const title = src ? (src.titleKind === 'editorial' ? `${src.title} (عنوان وصفي)` : src.title) : e.source;
    return { source: e.source, title, quote: e.quote };
  }

  /** The date label of a meeting, marked when inferred. */
  dateLabel(m: MeetingEntry): string {
    if (!m.date) return engineText.card.dateUnknown;
    return m.date.inferred ? `${m.date.label} ${engineText.card.inferred}` : m.date.label;
  }

  /**
   * An answer from one or more facts; a fact in a dispute group brings the other accounts with it. With
   * `together`, every fact answers (a part of) the question; otherwise the ones after the first are
   * marked as related.
   */
  facts(chosen: readonly Fact[], meta: { score: number; matched: readonly string[]; previousMeeting?: string; together?: boolean }): Answer {
    const groups: Fact[][] = [];
    const used = new Set<string>();
    for (const f of chosen) {
      if (used.has(f.id)) continue;
      const group = f.dispute ? [f, ...(this.disputes.get(f.dispute) ?? []).filter((x) => x.id !== f.id)] : [f];
      for (const x of group) used.add(x.id);
      groups.push(group);
    }
    const paragraphs: string[] = [];
    groups.forEach((group, i) => {
      if (group.length > 1) paragraphs.push([engineText.disputed, ...group.map((f) => `• ${f.text}`)].join('\n'));
      // (the facts after the first are related ones, unless each answers a part of the question)
      else paragraphs.push(i === 0 || meta.together ? (group[0] as Fact).text : `${engineText.alsoRelevant} ${(group[0] as Fact).text}`);
    });
    // the conversation was about another meeting: say which one this answer is about
    const meeting = chosen[0]?.meeting ? this.kb.meetings.get(chosen[0].meeting) : undefined;
    if (meta.previousMeeting && meeting && meeting.id !== meta.previousMeeting) paragraphs.unshift(engineText.aboutMeeting(meeting.shortTitle));
    const text = paragraphs.join('\n\n');
    const all = groups.flat();
    const perFact = all.length > 1 ? 2 : 4;
    const citations = this.fit(text, all.map((f) => f.evidence.slice(0, perFact)));
    const meetingId = chosen[0]?.meeting;
    return {
      answered: true,
      kind: 'fact',
      text,
      citations,
      suggestions: [],
      score: meta.score,
      matched: meta.matched,
      ...(meetingId ? { meetingId } : {}),
    };
  }

  /** A meeting's card, or undefined for an unknown id. */
  card(meetingId: string, meta?: { score: number; matched: readonly string[] }): Answer | undefined {
    const card = this.cards.get(meetingId);
    if (!card || !meta) return card;
    return { ...card, score: meta.score, matched: meta.matched };
  }

  /**
   * Two or more meetings side by side (date, place, level, attendees, what was discussed, outcomes),
   * compact enough to fit one message with a quote for each.
   * @example
   * composer.compare(['trilateral-2022-12', 'quad-2023-04'], { score: 0.8, matched: [] });
   */
  compare(meetingIds: readonly string[], meta: { score: number; matched: readonly string[] }): Answer | undefined {
    // (oldest first: «أيهما عُقد أولًا؟» is answered by the order itself)
    const meetings = meetingIds
      .map((id) => this.kb.meetings.get(id))
      .filter((m): m is MeetingEntry => m !== undefined)
      .sort((a, b) => sortKey(a, this.kb).localeCompare(sortKey(b, this.kb)));
    if (meetings.length < 2) return undefined;
    const c = engineText.card;
    const blocks: string[] = [engineText.compare(meetings.map((m) => m.shortTitle))];
    if (meetings.every((m) => m.status === 'held' && m.date)) blocks.push(engineText.compareOrder(meetings.map((m) => m.shortTitle)));
    const cites: Evidence[][] = [];
    for (const m of meetings) {
      const cite: Evidence[] = [];
      const lines = [`📌 ${m.title}`, `📅 ${c.date}: ${this.dateLabel(m)}`];
      if (m.place) lines.push(`📍 ${c.place}: ${m.place}`);
      lines.push(`🎚 ${c.level}: ${m.level}`);
      const people = m.participants.map((p) => (this.kb.entities.get(p) as EntityEntry).name);
      if (people.length || m.participantsNote) lines.push(`👥 ${c.participants}: ${people.length ? arabicList(people) : (m.participantsNote ?? '')}`);
      const participantFact = this.slotFacts(m.id, 'participants')[0];
      const dateFact = this.slotFacts(m.id, 'date')[0];
      for (const f of [participantFact, dateFact]) if (f) cite.push(f.evidence[0] as Evidence);
      if (m.status !== 'held') lines.push(`ℹ️ ${c.status}: ${this.slotFacts(m.id, 'status')[0]?.short ?? c.statusName[m.status]}`);
      for (const [label, facts] of [
        [`🗂 ${c.topics}`, this.slotFacts(m.id, 'topics')],
        [`✅ ${c.outcomes}`, this.slotFacts(m.id, 'outcome')],
      ] as const) {
        const shown = facts.filter((f) => f.short).slice(0, 2);
        if (shown.length) lines.push(`${label}: ${shown.map((f) => f.short).join(' ')}`);
        for (const f of shown) cite.push(f.evidence[0] as Evidence);
      }
      blocks.push(lines.join('\n'));
      cites.push(cite);
    }
    const text = blocks.join('\n\n');
    return { answered: true, kind: 'meeting', text, citations: this.fit(text, cites), suggestions: [], score: meta.score, matched: meta.matched };
  }

  /**
   * The meetings held before (or after) the one named, nearest first: «ما الاجتماع الذي سبق الاجتماع
   * الرباعي؟» is the nearest earlier one; «ما الاجتماعات التي سبقته؟», all of them. Undefined when none.
   */
  neighbours(meetingId: string, side: 'before' | 'after', all: boolean, meta: { score: number; matched: readonly string[] }): Answer | undefined {
    const held = [...this.kb.meetings.values()].filter((m) => m.status === 'held' && m.date).sort((a, b) => sortKey(a, this.kb).localeCompare(sortKey(b, this.kb)));
    const at = held.findIndex((m) => m.id === meetingId);
    if (at < 0) return undefined;
    const others = side === 'before' ? held.slice(0, at).reverse() : held.slice(at + 1);
    if (others.length === 0) return undefined;
    const named = held[at] as MeetingEntry;
    const picked = all ? others : others.slice(0, 1);
    const lead = engineText.neighbours(side, named.shortTitle, picked.map((m) => m.shortTitle));
    if (picked.length === 1) {
      const card = this.card((picked[0] as MeetingEntry).id, { ...meta, matched: [`meeting:${(picked[0] as MeetingEntry).id}`] });
      return card ? { ...card, text: `${lead}\n\n${card.text}` } : undefined;
    }
    const compared = this.compare(picked.map((m) => m.id), { ...meta, matched: picked.map((m) => `meeting:${m.id}`) });
    return compared ? { ...compared, text: `${lead}\n\n${compared.text}` } : undefined;
  }

  /** The timeline of all meetings, oldest first, each with the quote that dates it. */
  overview(meta: { score: number; matched: readonly string[] }): Answer {
    const meetings = [...this.kb.meetings.values()].sort((a, b) => sortKey(a, this.kb).localeCompare(sortKey(b, this.kb)));
    const lines: string[] = [engineText.meetingsOverview];
    const cite: Evidence[][] = [];
    for (const m of meetings) {
      const status = m.status === 'held' ? '' : ` — ${engineText.card.statusName[m.status]}`;
      lines.push(`• ${m.date ? this.dateLabel(m) : engineText.card.dateUnknown}: ${m.title}${status}.`);
      const dated = this.slotFacts(m.id, 'date')[0] ?? (this.factsByMeeting.get(m.id) ?? [])[0];
      if (dated) cite.push(dated.evidence.slice(0, 1));
    }
    const text = lines.join('\n');
    return { answered: true, kind: 'overview', text, citations: this.fit(text, cite), suggestions: [], score: meta.score, matched: meta.matched };
  }

  /** A person's profile, or undefined. */
  profile(entityId: string, meta: { score: number; matched: readonly string[] }): Answer | undefined {
    const p = this.profiles.get(entityId);
    return p ? { ...p, score: meta.score, matched: meta.matched } : undefined;
  }

  /** A reply that is not an answer: decline, small talk or invalid input. */
  notAnswered(kind: Exclude<AnswerKind, 'fact' | 'meeting' | 'entity'>, text: string, suggestions: readonly string[], score = 0): Answer {
    const lines = suggestions.length ? [text, '', engineText.decline.suggestionsIntro, ...suggestions.map((s) => `• ${s}`)] : [text];
    return { answered: false, kind, text: lines.join('\n'), citations: [], suggestions: [...suggestions], score, matched: [] };
  }

  /** Picks citations in order (at least one per group), within the length budget. */
  private fit(text: string, perGroup: readonly (readonly Evidence[])[]): Citation[] {
    const out: Citation[] = [];
    const seen = new Set<string>();
    const push = (e: Evidence, force: boolean) => {
      const key = `${e.source}\u0000${e.quote}`;
      if (seen.has(key)) return;
      // a quote inside one already cited says nothing new; a wider quote replaces the narrower one
      if (out.some((c) => c.source === e.source && c.quote.includes(e.quote))) return;
      const narrower = out.findIndex((c) => c.source === e.source && e.quote.includes(c.quote));
      const c = this.citation(e);
      const next = narrower >= 0 ? out.map((x, i) => (i === narrower ? c : x)) : [...out, c];
      if (!force && answerLength(text, next) > MAX_ANSWER_CHARS) return;
      seen.add(key);
      out.splice(0, out.length, ...next);
    };
    for (const group of perGroup) if (group[0]) push(group[0], out.length === 0);
    for (const group of perGroup) for (const e of group.slice(1)) push(e, false);
    return out;
  }

  private slotFacts(meetingId: string, ...slots: Slot[]): Fact[] {
    return (this.factsByMeeting.get(meetingId) ?? []).filter((f) => slots.includes(f.slot));
  }

  private buildCard(m: MeetingEntry): Answer {
    const c = engineText.card;
    const lines: string[] = [`📌 ${m.title}`];
    const cite: Evidence[] = [];
    const status = `${c.statusName[m.status]}`;
    const dateFacts = this.slotFacts(m.id, 'date');
    lines.push(`📅 ${c.date}: ${m.date ? this.dateLabel(m) : (dateFacts[0]?.short ?? c.dateUnknown)}`);
    if (dateFacts[0]) cite.push(dateFacts[0].evidence[0] as Evidence);
    const placeFact = this.slotFacts(m.id, 'place')[0];
    if (m.place) lines.push(`📍 ${c.place}: ${placeFact?.short && m.status !== 'held' ? placeFact.short : m.place}`);
    else if (placeFact?.short) lines.push(`📍 ${c.place}: ${placeFact.short}`);
    if (placeFact) cite.push(placeFact.evidence[0] as Evidence);
    lines.push(`🎚 ${c.level}: ${m.level}`);
    const people = m.participants.map((p) => {
      const e = this.kb.entities.get(p) as EntityEntry;
      return `${e.name} (${(e.role ?? '').replace(/\s*\(.*\)$/, '')})`;
    });
    if (people.length || m.participantsNote) {
      lines.push(`👥 ${c.participants}: ${arabicList(people)}${m.participantsNote ? `${people.length ? '، ' : ''}${m.participantsNote}` : ''}`);
    }
    const participantFact = this.slotFacts(m.id, 'participants')[0];
    if (participantFact) cite.push(...participantFact.evidence.slice(0, 2));
    const statusFact = this.slotFacts(m.id, 'status')[0];
    if (m.status !== 'held') {
      lines.push(`ℹ️ ${c.status}: ${statusFact?.short ?? status}`);
      if (statusFact) cite.push(statusFact.evidence[0] as Evidence);
    }
    const bullets = (label: string, facts: Fact[]) => {
      const items = facts.filter((f) => f.short).map((f) => `• ${f.short}`);
      if (items.length) {
        lines.push(`${label}:`, ...items);
        for (const f of facts) if (f.short) cite.push(f.evidence[0] as Evidence);
      }
    };
    bullets(`🗂 ${c.topics}`, this.slotFacts(m.id, 'topics'));
    bullets(`✅ ${c.outcomes}`, this.slotFacts(m.id, 'outcome', 'atmosphere'));
    bullets(`🧭 ${c.plan}`, this.slotFacts(m.id, 'plan', 'statement').filter(() => m.status !== 'held'));
    const text = lines.join('\n');
    const citations = this.fit(text, [cite]);
    return {
      answered: true,
      kind: 'meeting',
      text,
      citations,
      suggestions: [],
      meetingId: m.id,
      score: 1,
      matched: [`meeting:${m.id}`],
    };
  }

  private buildProfile(e: EntityEntry): Answer {
    const lines = [`${e.name}: ${e.role ?? ''}.`];
    if (e.note) lines.push(e.note);
    const attended = [...this.kb.meetings.values()].filter((m) => m.participants.includes(e.id));
    if (attended.length) lines.push(`${engineText.entity.meetings}: ${arabicList(attended.map((m) => m.shortTitle))}.`);
    const text = lines.join('\n');
    return {
      answered: true,
      kind: 'entity',
      text,
      citations: this.fit(text, [e.evidence.slice(0, 3)]),
      suggestions: [],
      score: 1,
      matched: [`entity:${e.id}`],
    };
  }
}

/** Chronological key of a meeting: its date, or (planned/possible) the latest date of its sources. */
function sortKey(m: MeetingEntry, kb: Knowledge): string {
  if (m.date) return m.date.resolved;
  const dates = m.sources.map((s) => kb.sources.get(s)?.date.resolved ?? '').sort();
  return `${dates[dates.length - 1] ?? ''}~`;
}
