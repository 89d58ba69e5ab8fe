/**
 * `npm run kb:gaps [-- --log FILE | --redis [URL]] [-- --top N]`: what users asked that the articles did
 * not answer, grouped (the same question in different spellings counts once), most asked first — what
 * curators should look at next. Reads where the bot writes: Redis when REDIS_URL is set (in the
 * environment or .env), else UNANSWERED_LOG (default data/unanswered.jsonl). `--log FILE` reads a
 * file, `--redis URL` a Redis server (`--redis` alone: REDIS_URL).
 */
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { createConfig } from '../config.ts';
import { createEngine } from '../engine/index.ts';
import { createLogger } from '../logger.ts';
import { createRedisLink } from '../redis/link.ts';
import { FileUnansweredStore } from '../unanswered/file-store.ts';
import { groupGaps } from '../unanswered/gaps.ts';
import { RedisUnansweredStore } from '../unanswered/redis-store.ts';
import type { UnansweredEntry } from '../unanswered/types.ts';
import { kbGapsText } from '../locale/ar.ts';
import { runMain, UserFacingError } from './run-main.ts';

await runMain(async () => {
  loadDotenv({ quiet: true });
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const top = Number(arg('--top') ?? 30);
  if (!Number.isInteger(top) || top < 1) throw new UserFacingError('--top must be a positive whole number');
  const log = arg('--log');
  const next = arg('--redis');
  const redisArg = args.includes('--redis') ? (next && !next.startsWith('--') ? next : '') : undefined;
  const config = createConfig(process.env);
  const redisUrl = log ? undefined : redisArg ? createConfig({ REDIS_URL: redisArg }).redisUrl : config.redisUrl;
  if (redisArg === '' && !redisUrl) throw new UserFacingError('--redis without a URL needs REDIS_URL (in the environment or .env)');

  let entries: UnansweredEntry[];
  let where: string;
  if (redisUrl) {
    const link = createRedisLink(redisUrl, { logger: createLogger({ level: 'silent' }) });
    try {
      if (!(await link.ready(2000))) throw new UserFacingError('Cannot reach Redis at REDIS_URL within 2 s: start it, or check the URL (or read a file with --log FILE)');
      entries = await new RedisUnansweredStore(link).readAll();
      where = 'Redis mtb:unanswered';
    } finally {
      await link.close();
    }
  } else {
    const path = resolve(log ?? config.unansweredLog ?? 'data/unanswered.jsonl');
    entries = await new FileUnansweredStore(path).readAll();
    where = path;
  }
  if (entries.length === 0) {
    console.log(kbGapsText.empty(where));
    return 0;
  }
  const gaps = groupGaps(entries, createEngine().analyzer);
  console.log(kbGapsText.header(entries.length, gaps.length, where));
  for (const g of gaps.slice(0, top)) {
    console.log(`${String(g.count).padStart(5)}  ${g.example}`);
    for (const v of g.variants) console.log(`       ~ ${v}`);
  }
  return 0;
});
