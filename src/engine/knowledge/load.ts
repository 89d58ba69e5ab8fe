/**
 * Loads and validates the knowledge base under `knowledge/`: zod schemas per entry, then every
 * cross-reference and every quote (verbatim in its article). The first problem throws a
 * {@link KnowledgeError}; nothing half-loaded is returned.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { normalizeWhitespace } from '../text/normalize.ts';
import { KnowledgeError } from './errors.ts';
import {
  EntitySchema,
  FactSchema,
  GapSchema,
  LexiconSchema,
  MeetingSchema,
  QuestionGroupSchema,
  SourceSchema,
  type EntityEntry,
  type Evidence,
  type FactEntry,
  type GapEntry,
  type Lexicon,
  type MeetingEntry,
  type SourceEntry,
} from './schema.ts';

/** A source with its verbatim article text. */
export interface Source extends SourceEntry {
  /** The article text exactly as in the file. */
  readonly text: string;
  /** The article text with whitespace collapsed (what quotes are verified against). */
  readonly flatText: string;
}

/** A fact with the file it came from. */
export interface Fact extends FactEntry {
  readonly file: string;
}

/** One curated question variant. */
export interface CuratedQuestion {
  readonly target: string;
  readonly q: string;
  /** The first variant of its group: the form shown as a suggestion. */
  readonly canonical: boolean;
}

/** The validated knowledge base. */
export interface Knowledge {
  readonly dir: string;
  /** sha256 of every knowledge file, first 12 hex digits. */
  readonly version: string;
  readonly sources: ReadonlyMap<string, Source>;
  readonly entities: ReadonlyMap<string, EntityEntry>;
  readonly meetings: ReadonlyMap<string, MeetingEntry>;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly questions: readonly CuratedQuestion[];
  /** Known gaps: what people ask that the articles do not say (`gaps.yaml`). */
  readonly gaps: ReadonlyMap<string, GapEntry>;
  readonly lexicon: Lexicon;
}

/** The default knowledge directory: `$KNOWLEDGE_DIR` if set, else `knowledge/` at the project root. */
export function defaultKnowledgeDir(): string {
  if (process.env.KNOWLEDGE_DIR) return resolve(process.env.KNOWLEDGE_DIR);
  // src/engine/knowledge/load.ts or dist/<entry>.js → project root
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'knowledge', 'sources.yaml'))) return join(dir, 'knowledge');
    dir = resolve(dir, '..');
  }
  return resolve(process.cwd(), 'knowledge');
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function readFile(file: string, hash: ReturnType<typeof createHash>): string {
  if (!existsSync(file)) throw new KnowledgeError(displayPath(file), '', '', 'file is missing: restore it from git or create it');
  const content = readFileSync(file, 'utf8');
  hash.update(file.slice(file.lastIndexOf('knowledge'))).update('\0').update(content).update('\0');
  return content;
}

function readYaml(file: string, hash: ReturnType<typeof createHash>): unknown {
  const content = readFile(file, hash);
  try {
    return yaml.load(content, { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const line = (e as { mark?: { line: number } }).mark?.line;
    const msg = ((e as { reason?: string }).reason ?? (e as Error).message).split('\n')[0];
    throw new KnowledgeError(displayPath(file), line !== undefined ? `line ${line + 1}` : '', '', `invalid YAML: ${msg}`);
  }
}

function zodField(issue: z.core.$ZodIssue): string {
  return issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function parseEntries<T>(file: string, data: unknown, schema: z.ZodType<T>, label: (e: T, i: number) => string): T[] {
  if (!Array.isArray(data)) throw new KnowledgeError(displayPath(file), '', '', 'expected a YAML list of entries');
  return data.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0] as z.core.$ZodIssue;
      const rawId = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '';
      const rawTarget = raw && typeof raw === 'object' && 'target' in raw ? String((raw as { target: unknown }).target) : '';
      throw new KnowledgeError(displayPath(file), rawId || rawTarget || `#${i + 1}`, zodField(issue) || '(entry)', issue.message);
    }
    void label;
    return r.data;
  });
}

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Loads, validates and cross-checks the knowledge base. Throws {@link KnowledgeError} on the first problem.
 * @example
 * const kb = loadKnowledge();            // knowledge/ at the project root
 * console.log(kb.facts.size, kb.version);
 */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): Knowledge {
  const hash = createHash('sha256');
  const f = (name: string) => join(dir, name);

  // sources + their article text
  const sourcesFile = f('sources.yaml');
  const sourceEntries = parseEntries(sourcesFile, readYaml(sourcesFile, hash), SourceSchema, (e) => e.id);
  const sources = new Map<string, Source>();
  for (const s of sourceEntries) {
    const where = (field: string, reason: string) => new KnowledgeError(displayPath(sourcesFile), s.id, field, reason);
    if (sources.has(s.id)) throw where('id', 'duplicate id');
    const articleFile = f(join('articles', `${s.id}.txt`));
    if (!existsSync(articleFile)) throw where('id', `article file ${displayPath(articleFile)} is missing: copy it verbatim from the seeds`);
    const text = readFile(articleFile, hash);
    const flatText = normalizeWhitespace(text);
    if (s.date.inferred && !s.date.basis) throw where('date.basis', 'an inferred date needs a basis: say how it was resolved');
    s.nonClaim.forEach((n, i) => {
      if (!flatText.includes(normalizeWhitespace(n.text))) throw where(`nonClaim[${i}].text`, 'not verbatim in the article');
    });
    sources.set(s.id, { ...s, text, flatText });
  }

  const checkEvidence = (file: string, entry: string, field: string, ev: readonly Evidence[]) => {
    ev.forEach((e, i) => {
      const src = sources.get(e.source);
      if (!src) throw new KnowledgeError(displayPath(file), entry, `${field}[${i}].source`, `unknown article ${e.source}: list it in sources.yaml`);
      if (/…|\.\.\./.test(e.quote)) throw new KnowledgeError(displayPath(file), entry, `${field}[${i}].quote`, 'a quote is one contiguous span: split it into two evidence items instead of using an ellipsis');
      if (!src.flatText.includes(normalizeWhitespace(e.quote))) {
        throw new KnowledgeError(displayPath(file), entry, `${field}[${i}].quote`, `quote is not verbatim in article ${e.source}: copy the span exactly from the article`);
      }
    });
  };

  // lexicon
  const lexiconFile = f('lexicon.yaml');
  const lexParsed = LexiconSchema.safeParse(readYaml(lexiconFile, hash));
  if (!lexParsed.success) {
    const issue = lexParsed.error.issues[0] as z.core.$ZodIssue;
    const path = zodField(issue);
    throw new KnowledgeError(displayPath(lexiconFile), String(issue.path[0] ?? ''), path || '(file)', issue.message);
  }
  const lexicon = lexParsed.data;

  // entities
  const entitiesFile = f('entities.yaml');
  const entities = new Map<string, EntityEntry>();
  for (const e of parseEntries(entitiesFile, readYaml(entitiesFile, hash), EntitySchema, (x) => x.id)) {
    if (entities.has(e.id)) throw new KnowledgeError(displayPath(entitiesFile), e.id, 'id', 'duplicate id');
    entities.set(e.id, e);
  }
  for (const e of entities.values()) {
    const where = (field: string, reason: string) => new KnowledgeError(displayPath(entitiesFile), e.id, field, reason);
    if (e.country && !entities.has(e.country)) throw where('country', `unknown entity ${e.country}`);
    if (e.standsFor && !entities.has(e.standsFor)) throw where('standsFor', `unknown entity ${e.standsFor}`);
    if (e.type === 'person' && !e.role) throw where('role', 'a person needs a role');
    if (e.type === 'person' && e.evidence.length === 0) throw where('evidence', 'a person needs at least one quote that names them');
    checkEvidence(entitiesFile, e.id, 'evidence', e.evidence);
  }

  // meetings
  const meetingsFile = f('meetings.yaml');
  const meetings = new Map<string, MeetingEntry>();
  for (const m of parseEntries(meetingsFile, readYaml(meetingsFile, hash), MeetingSchema, (x) => x.id)) {
    const where = (field: string, reason: string) => new KnowledgeError(displayPath(meetingsFile), m.id, field, reason);
    if (meetings.has(m.id)) throw where('id', 'duplicate id');
    m.participants.forEach((p, i) => {
      if (!entities.has(p)) throw where(`participants[${i}]`, `unknown entity ${p}: add it to entities.yaml`);
    });
    m.countries.forEach((c, i) => {
      if (entities.get(c)?.type !== 'country') throw where(`countries[${i}]`, `${c} is not a country in entities.yaml`);
    });
    m.about.forEach((e, i) => {
      if (!entities.has(e)) throw where(`about[${i}]`, `unknown entity ${e}: add it to entities.yaml`);
    });
    m.sources.forEach((s, i) => {
      if (!sources.has(s)) throw where(`sources[${i}]`, `unknown article ${s}`);
    });
    if (m.date?.inferred && !m.date.basis) throw where('date.basis', 'an inferred date needs a basis: say how it was resolved');
    meetings.set(m.id, m);
  }

  // facts
  const facts = new Map<string, Fact>();
  const factFiles = listYaml(f('facts'));
  if (factFiles.length === 0) throw new KnowledgeError(displayPath(f('facts')), '', '', 'no fact files: add knowledge/facts/*.yaml');
  for (const file of factFiles) {
    for (const x of parseEntries(file, readYaml(file, hash), FactSchema, (e) => e.id)) {
      const where = (field: string, reason: string) => new KnowledgeError(displayPath(file), x.id, field, reason);
      if (facts.has(x.id)) throw where('id', `duplicate id (also in ${facts.get(x.id)?.file})`);
      if (x.meeting && !meetings.has(x.meeting)) throw where('meeting', `unknown meeting ${x.meeting}: add it to meetings.yaml`);
      x.relatedMeetings.forEach((m, i) => {
        if (!meetings.has(m)) throw where(`relatedMeetings[${i}]`, `unknown meeting ${m}: add it to meetings.yaml`);
      });
      if (x.by !== 'article' && !entities.has(x.by)) throw where('by', `unknown entity ${x.by}: add it to entities.yaml`);
      x.about.forEach((a, i) => {
        if (!entities.has(a)) throw where(`about[${i}]`, `unknown entity ${a}`);
      });
      x.holders.forEach((a, i) => {
        if (!entities.has(a)) throw where(`holders[${i}]`, `unknown entity ${a}`);
      });
      checkEvidence(file, x.id, 'evidence', x.evidence);
      facts.set(x.id, { ...x, file: displayPath(file) });
    }
  }
  const disputes = new Map<string, Fact[]>();
  for (const x of facts.values()) if (x.dispute) disputes.set(x.dispute, [...(disputes.get(x.dispute) ?? []), x]);
  for (const [group, members] of disputes) {
    if (members.length < 2) {
      const m = members[0] as Fact;
      throw new KnowledgeError(m.file, m.id, 'dispute', `dispute group ${group} has one account only: give the other account the same group, or remove the field`);
    }
  }
  for (const m of meetings.values()) {
    if (![...facts.values()].some((x) => x.meeting === m.id)) {
      throw new KnowledgeError(displayPath(meetingsFile), m.id, '(entry)', 'no fact belongs to this meeting: add facts with meeting: ' + m.id);
    }
  }

  // questions
  const questions: CuratedQuestion[] = [];
  const seen = new Map<string, string>();
  for (const file of listYaml(f('questions'))) {
    for (const g of parseEntries(file, readYaml(file, hash), QuestionGroupSchema, (e) => e.target)) {
      const [kind, ref] = g.target.split(':') as [string, string];
      const exists = kind === 'fact' ? facts.has(ref) : kind === 'meeting' ? meetings.has(ref) : kind === 'entity' ? entities.has(ref) : ref === 'meetings';
      if (!exists) throw new KnowledgeError(displayPath(file), g.target, 'target', `unknown ${kind} ${ref}`);
      g.q.forEach((q, i) => {
        const key = normalizeWhitespace(q);
        const prev = seen.get(key);
        if (prev && prev !== g.target) throw new KnowledgeError(displayPath(file), g.target, `q[${i}]`, `the same question also points at ${prev}: keep it in one group`);
        seen.set(key, g.target);
        questions.push({ target: g.target, q, canonical: i === 0 });
      });
    }
  }
  if (questions.length === 0) throw new KnowledgeError(displayPath(f('questions')), '', '', 'no curated questions: add knowledge/questions/*.yaml');

  // known gaps
  const gapsFile = f('gaps.yaml');
  const gaps = new Map<string, GapEntry>();
  for (const g of parseEntries(gapsFile, readYaml(gapsFile, hash), GapSchema, (x) => x.id)) {
    const where = (field: string, reason: string) => new KnowledgeError(displayPath(gapsFile), g.id, field, reason);
    if (gaps.has(g.id)) throw where('id', 'duplicate id');
    if (g.meeting && !meetings.has(g.meeting)) throw where('meeting', `unknown meeting ${g.meeting}: add it to meetings.yaml`);
    g.about.forEach((a, i) => {
      if (!entities.has(a)) throw where(`about[${i}]`, `unknown entity ${a}`);
    });
    g.q.forEach((q, i) => {
      const prev = seen.get(normalizeWhitespace(q));
      if (prev) throw where(`q[${i}]`, `the same question is curated for ${prev}: a question is either answered or a gap`);
    });
    gaps.set(g.id, g);
  }

  return {
    dir,
    version: hash.digest('hex').slice(0, 12),
    sources,
    entities,
    meetings,
    facts,
    questions,
    gaps,
    lexicon,
  };
}

export type { EntityEntry, FactEntry, GapEntry, MeetingEntry, SourceEntry, Evidence, Lexicon };
