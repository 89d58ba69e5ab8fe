import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig, secretsOf } from '../src/config.ts';

const TOKEN = '7012345678:AAHk9_secretPart-abcdefghijklmnopqrstu';
const SECRET = 'wh_0123456789abcdefghijklmnopqrstuvwxyz-ABC';

function errorOf(env: Readonly<Record<string, string>>): ConfigError {
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
    expect(createConfig({})).toEqual({
      logLevel: 'info',
      rateLimitMessages: 20,
      rateLimitWindowSeconds: 10,
      sessionTtlMinutes: 60,
      typingDelayMs: 500,
      botMode: 'polling',
      host: '127.0.0.1',
      port: 8080,
      unansweredLog: 'data/unanswered.jsonl',
    });
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
        TYPING_DELAY_MS: '0',
        UNRELATED: 'ignored',
      }),
    ).toEqual({
      botToken: TOKEN,
      telegramApiRoot: 'http://127.0.0.1:8081',
      logLevel: 'debug',
      rateLimitMessages: 5,
      rateLimitWindowSeconds: 30,
      sessionTtlMinutes: 15,
      typingDelayMs: 0,
      botMode: 'polling',
      host: '127.0.0.1',
      port: 8080,
      unansweredLog: 'data/unanswered.jsonl',
    });
  });

  it('reads the webhook, Redis and unanswered-log variables', () => {
    expect(
      createConfig({
        BOT_TOKEN: TOKEN,
        BOT_MODE: 'webhook',
        HOST: '0.0.0.0',
        PORT: '8443',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_URL: 'https://bot.example.org/telegram',
        REDIS_URL: 'redis://:p4ssw0rd-long-enough@10.0.0.5:6379/2',
        UNANSWERED_LOG: '/var/lib/bot/unanswered.jsonl',
      }),
    ).toMatchObject({
      botMode: 'webhook',
      host: '0.0.0.0',
      port: 8443,
      webhookSecret: SECRET,
      webhookUrl: 'https://bot.example.org/telegram',
      redisUrl: 'redis://:p4ssw0rd-long-enough@10.0.0.5:6379/2',
      unansweredLog: '/var/lib/bot/unanswered.jsonl',
    });
    expect(createConfig({ UNANSWERED_LOG: 'off' }).unansweredLog).toBeUndefined();
    expect(createConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    [{ BOT_MODE: 'webhook', WEBHOOK_SECRET: 'x'.repeat(32) }, 'BOT_TOKEN'],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' }, 'WEBHOOK_SECRET'],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_SECRET: 'short-secret' }, 'WEBHOOK_SECRET'],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_SECRET: `${'x'.repeat(32)}!` }, 'WEBHOOK_SECRET'],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/telegram' }, 'WEBHOOK_URL'],
  ])('refuses a webhook setup that cannot work: %o → %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('x'.repeat(32));
  });

  it('lists the secrets a log must never show: token, webhook secret, Redis password', () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook', WEBHOOK_SECRET: SECRET, REDIS_URL: 'redis://user:p4ssw0rd-long-enough@127.0.0.1:6379' });
    expect(secretsOf(config)).toEqual(expect.arrayContaining([TOKEN, SECRET, 'p4ssw0rd-long-enough']));
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
    ['TYPING_DELAY_MS', '10001'],
    ['TYPING_DELAY_MS', '-5'],
    ['BOT_MODE', 'websocket'],
    ['HOST', 'not a host'],
    ['PORT', '65536'],
    ['PORT', 'http'],
    ['WEBHOOK_URL', 'bot.example.org/telegram'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['REDIS_URL', 'localhost:6379'],
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
