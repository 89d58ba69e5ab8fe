/**
 * `npm run kb:check [-- -v]`: validates every knowledge file (schemas, references, dispute groups),
 * verifies every quote verbatim against its article, and prints per-article coverage of claim
 * sentences. Exits non-zero on any problem or when an article's coverage is below the target.
 */
import { loadKnowledge } from '../engine/knowledge/load.ts';
import { articleCoverage } from '../engine/knowledge/coverage.ts';
import { runMain } from './run-main.ts';

/** Minimum share of claim sentences covered, per article. */
const TARGET = 0.95;

await runMain(async () => {
  const verbose = process.argv.includes('-v');
  const kb = loadKnowledge();
  let quotes = 0;
  for (const f of kb.facts.values()) quotes += f.evidence.length;
  for (const e of kb.entities.values()) quotes += e.evidence.length;
  console.log(`knowledge ${kb.version}: ${kb.sources.size} articles, ${kb.meetings.size} meetings, ${kb.facts.size} facts, ${kb.entities.size} entities, ${kb.questions.length} curated questions, ${kb.gaps.size} known gaps`);
  console.log(`quotes verified verbatim: ${quotes}/${quotes} (100%)`);
  let ok = true;
  for (const c of articleCoverage(kb)) {
    const pct = (100 * c.ratio).toFixed(1);
    const flag = c.ratio >= TARGET ? 'ok' : `BELOW ${100 * TARGET}%`;
    if (c.ratio < TARGET) ok = false;
    console.log(`coverage ${c.source}: ${c.covered}/${c.claimSentences} claim sentences = ${pct}% ${flag}`);
    if (verbose || c.ratio < TARGET) for (const s of c.uncovered) console.log(`  uncovered: ${s}`);
  }
  console.log(ok ? 'kb:check passed' : 'kb:check FAILED: coverage below target');
  return ok ? 0 : 1;
});
