import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../src/config.ts';

const TOKEN = '7012345678:AAHk9_secretPart-abcdefghijklmnopqrstu';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    createConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createConfig', () => {
  it('has defaults for everything: no token means the console chat', () => {
    expect(createConfig({})).toEqual({ logLevel: 'info', rateLimitMessages: 20, rateLimitWindowSeconds: 10, sessionTtlMinutes: 60 });
  });

  it('reads every variable', () => {
    expect(
      createConfig({
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
        LOG_LEVEL: 'debug',
        RATE_LIMIT_MESSAGES: '5',
        RATE_LIMIT_WINDOW_SECONDS: '30',
        SESSION_TTL_MINUTES: '15',
        UNRELATED: 'ignored',
      }),
    ).toEqual({ botToken: TOKEN, telegramApiRoot: 'http://127.0.0.1:8081', logLevel: 'debug', rateLimitMessages: 5, rateLimitWindowSeconds: 30, sessionTtlMinutes: 15 });
  });

  it('treats empty and blank values as unset (a copied .env.example)', () => {
    expect(createConfig({ BOT_TOKEN: '', TELEGRAM_API_ROOT: '  ', LOG_LEVEL: '' })).toEqual(createConfig({}));
  });

  it.each([
    ['BOT_TOKEN', 'not-a-token'],
    ['BOT_TOKEN', '123:short'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['TELEGRAM_API_ROOT', 'ftp://example.com'],
    ['LOG_LEVEL', 'verbose'],
    ['RATE_LIMIT_MESSAGES', '0'],
    ['RATE_LIMIT_MESSAGES', 'many'],
    ['RATE_LIMIT_WINDOW_SECONDS', '-1'],
    ['SESSION_TTL_MINUTES', '1.5'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
    expect(error.name).toBe('ConfigError');
  });

  it('never puts the token in an error message, even a nearly valid one', () => {
    const nearly = `${TOKEN}!`;
    const error = errorOf({ BOT_TOKEN: nearly });
    expect(error.message).not.toContain(nearly);
    expect(error.message).not.toContain('secretPart');
    expect(error.message).toMatch(/@BotFather/);
  });

  it('reports an invalid variable even when the token is valid, without the token', () => {
    const error = errorOf({ BOT_TOKEN: TOKEN, LOG_LEVEL: 'loud' });
    expect(error.variable).toBe('LOG_LEVEL');
    expect(error.message).not.toContain(TOKEN);
  });
});
