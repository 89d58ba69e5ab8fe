import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS, registerBotProfile } from '../../src/bot/commands.ts';
import { createLogger } from '../../src/logger.ts';
import { TOKEN } from '../helpers/bot.ts';

function fakeApi(refuse: (method: string, payload: Record<string, unknown>) => boolean) {
  const api = new Api(TOKEN);
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return (refuse(method, payload as Record<string, unknown>) ? { ok: false, error_code: 400, description: 'Bad Request: not supported' } : { ok: true, result: true }) as never;
  });
  return { api, calls };
}

describe('bot profile', () => {
  it('sets the Arabic commands and descriptions, for every language and for "ar"', async () => {
    const { api, calls } = fakeApi(() => false);
    let log = '';
    expect(await registerBotProfile(api, createLogger({ level: 'info', destination: { write: (l) => (log += l) } }))).toBe(0);
    const commands = calls.filter((c) => c.method === 'setMyCommands');
    expect(commands.map((c) => c.payload.language_code)).toEqual([undefined, 'ar']);
    for (const c of commands) expect(c.payload.commands).toEqual(BOT_COMMANDS);
    expect(BOT_COMMANDS.map((c) => c.command).sort()).toEqual(['help', 'meetings', 'privacy', 'sources', 'start']);
    for (const c of BOT_COMMANDS) {
      expect(c.description.length).toBeGreaterThanOrEqual(3);
      expect(c.description.length).toBeLessThanOrEqual(256);
      expect(c.description).toMatch(/[\u0600-\u06FF]/);
    }
    const description = calls.filter((c) => c.method === 'setMyDescription');
    expect(description).toHaveLength(2);
    expect((description[0]!.payload.description as string).length).toBeLessThanOrEqual(512);
    const short = calls.filter((c) => c.method === 'setMyShortDescription');
    expect(short).toHaveLength(2);
    expect((short[0]!.payload.short_description as string).length).toBeLessThanOrEqual(120);
    expect(log).toBe('');
  });

  it('logs a warning per refused call and carries on', async () => {
    const { api } = fakeApi((method) => method !== 'setMyCommands');
    let log = '';
    const refused = await registerBotProfile(api, createLogger({ level: 'info', destination: { write: (l) => (log += l) } }));
    expect(refused).toBe(4);
    const lines = log.trim().split('\n').map((l) => JSON.parse(l) as { level: string; method: string });
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'warn', 'warn']);
    expect(new Set(lines.map((l) => l.method))).toEqual(new Set(['setMyDescription', 'setMyShortDescription']));
  });
});
