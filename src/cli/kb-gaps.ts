/**
 * `npm run kb:gaps [-- --log FILE] [-- --top N]`: what users asked that the articles did not answer,
 * grouped (the same question in different spellings counts once), most asked first — what curators
 * should look at next. Reads UNANSWERED_LOG (default data/unanswered.jsonl).
 */
import { join } from 'node:path';
import { createEngine } from '../engine/index.ts';
import { defaultKnowledgeDir } from '../engine/knowledge/load.ts';
import { FileUnansweredStore } from '../unanswered/file-store.ts';
import { groupGaps } from '../unanswered/gaps.ts';
import { kbGapsText } from '../locale/ar.ts';
import { runMain } from './run-main.ts';

await runMain(async () => {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const path = arg('--log') ?? process.env.UNANSWERED_LOG ?? join(defaultKnowledgeDir(), '..', 'data', 'unanswered.jsonl');
  const top = Number(arg('--top') ?? 30);
  const entries = await new FileUnansweredStore(path).readAll();
  if (entries.length === 0) {
    console.log(kbGapsText.empty(path));
    return 0;
  }
  const gaps = groupGaps(entries, createEngine().analyzer);
  console.log(kbGapsText.header(entries.length, gaps.length, path));
  for (const g of gaps.slice(0, top)) {
    console.log(`${String(g.count).padStart(5)}  ${g.example}`);
    for (const v of g.variants) console.log(`       ~ ${v}`);
  }
  return 0;
});
