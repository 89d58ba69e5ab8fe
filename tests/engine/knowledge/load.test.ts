import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/engine.ts';
import { KnowledgeError } from '../../../src/engine/knowledge/errors.ts';
import { loadKnowledge } from '../../../src/engine/knowledge/load.ts';
import { KNOWLEDGE, knowledgeCopy } from '../../helpers/engine.ts';

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (e) {
    if (e instanceof KnowledgeError) return e;
    throw e;
  }
  throw new Error('expected the knowledge base to be rejected');
}

describe('loadKnowledge', () => {
  it('loads the real knowledge base with every quote verified', () => {
    const kb = loadKnowledge(KNOWLEDGE);
    expect(kb.sources.size).toBe(5);
    expect(kb.meetings.size).toBeGreaterThanOrEqual(7);
    expect(kb.facts.size).toBeGreaterThan(50);
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('rejects a quote that is not verbatim, naming file, entry and field', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/quad-2023-04.yaml', (t) => t.replace('ضم وزراء دفاع ورؤساء استخبارات تركيا وروسيا وإيران ونظام أسد، وذلك', 'ضم وزراء دفاع تركيا وروسيا وإيران ونظام أسد، وذلك'));
    const e = loadError(kb.dir);
    expect(e.file).toMatch(/facts[/\\]quad-2023-04\.yaml$/);
    expect(e.entry).toBe('quad-held');
    expect(e.field).toBe('evidence[0].quote');
    expect(e.message).toContain('not verbatim');
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('rejects a quote with an ellipsis (quotes are contiguous spans)', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/moscow-2018-12.yaml', (t) => t.replace('quote: نظراءهم الروس في مقر وزارة الدفاع بموسكو.', 'quote: نظراءهم الروس … بموسكو.'));
    expect(loadError(kb.dir).reason).toContain('contiguous');
  });

  it('rejects a missing required field', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/context.yaml', (t) => t.replace(/(- id: intel-contacts\n(?:  [^\n]*\n)*?)  text: [^\n]+\n/, '$1'));
    const e = loadError(kb.dir);
    expect([e.entry, e.field]).toEqual(['intel-contacts', 'text']);
  });

  it('rejects a reference to an unknown meeting or entity', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/foreign-ministers.yaml', (t) => t.replace('meeting: fm-2021-brief', 'meeting: fm-2021-typo'));
    const e = loadError(kb.dir);
    expect([e.entry, e.field]).toEqual(['fm21-conversation', 'meeting']);
    const kb2 = knowledgeCopy();
    kb2.edit('facts/context.yaml', (t) => t.replace('by: price', 'by: nobody'));
    expect(loadError(kb2.dir).field).toBe('by');
    const kb3 = knowledgeCopy();
    kb3.edit('meetings.yaml', (t) => t.replace('about: [trump, usa, russian-mod]', 'about: [trump, usa, russian-mud]'));
    const e3 = loadError(kb3.dir);
    expect([e3.entry, e3.field]).toEqual(['moscow-2018-12', 'about[2]']);
    const kb4 = knowledgeCopy();
    kb4.edit('meetings.yaml', (t) => t.replace('    next: >-', '    later: >-'));
    expect(loadError(kb4.dir).entry).toBe('quad-2023-04');
  });

  it('rejects a curated question pointing at nothing', () => {
    const kb = knowledgeCopy();
    kb.edit('questions/people.yaml', (t) => t.replace('target: entity:gerasimov', 'target: entity:gerasimow'));
    const e = loadError(kb.dir);
    expect([e.entry, e.field]).toEqual(['entity:gerasimow', 'target']);
  });

  it('rejects a known gap naming an unknown entity, or listing a question curated for an answer', () => {
    const kb = knowledgeCopy();
    kb.edit('gaps.yaml', (t) => t.replace('about: [trump, usa, syria]', 'about: [trumb, usa, syria]'));
    const e = loadError(kb.dir);
    expect(e.message).toContain('gaps.yaml');
    expect(e.message).toContain('us-withdrawal-details');
    expect(e.message).toContain('about[0]');
    const kb2 = knowledgeCopy();
    kb2.edit('gaps.yaml', (t) => t.replace('    - متى موعد الانتخابات التركية؟', '    - متى موعد الانتخابات التركية؟\n    - ماذا بحث الاجتماع الثلاثي لوزراء الدفاع؟'));
    const e2 = loadError(kb2.dir);
    expect(e2.message).toContain('turkish-elections');
    expect(e2.message).toContain('fact:tri-topics');
  });

  it('rejects a dispute group with a single account', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/context.yaml', (t) => t.replace('  dispute: break-year\n  text: >-\n    بحسب مقال آخر', '  text: >-\n    بحسب مقال آخر'));
    expect(loadError(kb.dir).field).toBe('dispute');
  });

  it('rejects invalid YAML with the line', () => {
    const kb = knowledgeCopy();
    kb.edit('meetings.yaml', (t) => t.replace('- id: fm-2021-brief', '- id: fm-2021-brief\n  title: [unclosed'));
    const e = loadError(kb.dir);
    expect(e.file).toMatch(/meetings\.yaml$/);
    expect(e.message).toMatch(/invalid YAML/);
  });

  it('rejects a duplicate id and a missing article file', () => {
    const kb = knowledgeCopy();
    kb.edit('facts/context.yaml', (t) => t.replace('- id: intel-contacts', '- id: akar-positive'));
    expect(loadError(kb.dir).reason).toContain('duplicate');
    const kb2 = knowledgeCopy();
    kb2.edit('sources.yaml', (t) => t.replace('- id: 004_098ab6972476ac47', '- id: 004_098ab6972476ac48'));
    const e = loadError(kb2.dir);
    expect([e.entry, e.field]).toEqual(['004_098ab6972476ac48', 'id']);
  });

  it('stops the engine from being created: nothing half-loaded is served', () => {
    const kb = knowledgeCopy();
    kb.edit('entities.yaml', (t) => t.replace('role: وزير الدفاع الإيراني', 'role: ""'));
    expect(() => createEngine({ knowledgeDir: kb.dir })).toThrow(KnowledgeError);
  });
});
