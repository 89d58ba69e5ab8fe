/**
 * The program's configuration, read from environment variables (and `.env`, which only main.ts
 * loads). Pure: `createConfig(env)` reads nothing else, so tests pass plain objects.
 */
import { z } from 'zod';

/** Log levels accepted by `LOG_LEVEL` (pino's, plus `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the bot receives updates (`BOT_MODE`): long polling, or an HTTP server Telegram posts to. */
export const BOT_MODES = ['polling', 'webhook'] as const;
export type BotMode = (typeof BOT_MODES)[number];

/** The validated configuration. */
export interface Config {
  /** Telegram bot token; undefined runs the console chat instead of the bot. */
  readonly botToken?: string;
  /** Bot API server root (e.g. a self-hosted server or a test emulator); undefined = api.telegram.org. */
  readonly telegramApiRoot?: string;
  readonly logLevel: LogLevel;
  /** Messages (and button presses) one user may send per window before the bot pauses. */
  readonly rateLimitMessages: number;
  readonly rateLimitWindowSeconds: number;
  /** How long a chat's follow-up context (its last meeting id) is kept after its last message. */
  readonly sessionTtlMinutes: number;
  /**
   * "typing…" is shown when an answer is not on its way this long after its update arrived (0: before
   * every reply). Telegram recommends the chat action only for replies that take noticeable time.
   */
  readonly typingDelayMs: number;
  readonly botMode: BotMode;
  /** Webhook mode: the address the HTTP server listens on. */
  readonly host: string;
  /** Webhook mode: the port the HTTP server listens on (0: any free port). */
  readonly port: number;
  /** Webhook mode: the `X-Telegram-Bot-Api-Secret-Token` every update must carry (set in webhook mode). */
  readonly webhookSecret?: string;
  /** Webhook mode: the public URL to register with `setWebhook` on start; undefined = registered elsewhere. */
  readonly webhookUrl?: string;
  /** Redis for sessions, rate limits, update ids and declined questions, shared by every instance; undefined = memory. */
  readonly redisUrl?: string;
  /** JSONL file of declined questions (relative to the working directory); undefined = not kept (`off`). Unused with Redis. */
  readonly unansweredLog?: string;
}

/**
 * An invalid environment variable. The message is one line that names the variable and says how to
 * fix it; it never contains the value of `BOT_TOKEN`.
 * @example
 * try { createConfig(process.env); } catch (e) { if (e instanceof ConfigError) console.error(e.message); }
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The environment variable at fault, e.g. `TELEGRAM_API_ROOT`. */
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.variable = variable;
  }
}

/** Telegram accepts 1–256 of these characters; we ask for at least 32 so that it cannot be guessed. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

/** A host name, an IPv4 or an IPv6 address (no brackets, no port). */
const HOST_PATTERN = /^[A-Za-z0-9.:-]{1,253}$/;

/** `123456789:` + 30 or more of [A-Za-z0-9_-], as @BotFather issues them. */
const TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]{30,100}$/;

/** Treats an empty or blank value as unset (a copied `.env.example` has `BOT_TOKEN=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const url = (protocols: readonly string[]) =>
  z.string().refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol));

const integer = (min: number, max: number, fallback: number) =>
  optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max))).transform((v) => v ?? fallback);

/** Per variable: its schema and the fix to suggest when the value is wrong. */
const VARIABLES = {
  BOT_TOKEN: {
    schema: optional(z.string().regex(TOKEN_PATTERN)),
    problem: 'is not a bot token: expected digits, a colon and at least 30 letters, digits, "_" or "-", as @BotFather gives it (leave it empty to run the console chat)',
  },
  TELEGRAM_API_ROOT: {
    schema: optional(
      z
        .string()
        .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol))
        .transform((v) => v.replace(/\/+$/, '')),
    ),
    problem: 'must be an http(s) URL of a Bot API server, e.g. https://api.telegram.org (or leave it empty)',
  },
  LOG_LEVEL: {
    schema: optional(z.enum(LOG_LEVELS)).transform((v) => v ?? 'info'),
    problem: `must be one of ${LOG_LEVELS.join(', ')}`,
  },
  RATE_LIMIT_MESSAGES: {
    schema: integer(1, 10_000, 20),
    problem: 'must be a whole number from 1 to 10000 (messages per user per window)',
  },
  RATE_LIMIT_WINDOW_SECONDS: {
    schema: integer(1, 3600, 10),
    problem: 'must be a whole number of seconds from 1 to 3600',
  },
  SESSION_TTL_MINUTES: {
    schema: integer(1, 7 * 24 * 60, 60),
    problem: 'must be a whole number of minutes from 1 to 10080',
  },
  TYPING_DELAY_MS: {
    schema: integer(0, 10_000, 500),
    problem: 'must be a whole number of milliseconds from 0 to 10000 (0: "typing…" before every reply)',
  },
  BOT_MODE: {
    schema: optional(z.enum(BOT_MODES)).transform((v) => v ?? 'polling'),
    problem: `must be ${BOT_MODES.join(' or ')} (default polling)`,
  },
  HOST: {
    schema: optional(z.string().regex(HOST_PATTERN)).transform((v) => v ?? '127.0.0.1'),
    problem: 'must be an address to listen on, e.g. 127.0.0.1 (default) or 0.0.0.0 for every interface',
  },
  PORT: {
    schema: integer(0, 65_535, 8080),
    problem: 'must be a port number from 0 to 65535 (default 8080; 0 picks a free port)',
  },
  WEBHOOK_SECRET: {
    schema: optional(z.string().regex(SECRET_PATTERN)),
    problem: 'must be 32 to 256 letters, digits, "_" or "-" (e.g. the output of `openssl rand -hex 32`)',
  },
  WEBHOOK_URL: {
    schema: optional(url(['https:', 'http:'])),
    problem: 'must be the public https URL Telegram posts updates to, ending in /telegram (or leave it empty to register the webhook yourself)',
  },
  REDIS_URL: {
    schema: optional(url(['redis:', 'rediss:'])),
    problem: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (or leave it empty to keep state in memory)',
  },
  UNANSWERED_LOG: {
    schema: optional(z.string().min(1).max(4096).refine((v) => !v.includes('\0'))).transform((v) => v ?? 'data/unanswered.jsonl'),
    problem: 'must be a file path (default data/unanswered.jsonl) or off',
  },
} as const;

type Variable = keyof typeof VARIABLES;

/**
 * Validates the environment and returns the configuration; throws {@link ConfigError} on the first
 * invalid variable. Unknown variables are ignored.
 * @example
 * const config = createConfig({ BOT_TOKEN: '123:abc…', LOG_LEVEL: 'debug' });
 * config.logLevel; // 'debug'
 */
export function createConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const read = <V extends Variable>(name: V): z.output<(typeof VARIABLES)[V]['schema']> => {
    const { schema, problem } = VARIABLES[name];
    const result = schema.safeParse(env[name]);
    if (!result.success) throw new ConfigError(name, problem);
    return result.data as z.output<(typeof VARIABLES)[V]['schema']>;
  };
  const botToken = read('BOT_TOKEN');
  const telegramApiRoot = read('TELEGRAM_API_ROOT');
  const botMode = read('BOT_MODE');
  const webhookSecret = read('WEBHOOK_SECRET');
  const webhookUrl = read('WEBHOOK_URL');
  const redisUrl = read('REDIS_URL');
  const unansweredLog = read('UNANSWERED_LOG');
  const config: Config = {
    ...(botToken ? { botToken } : {}),
    ...(telegramApiRoot ? { telegramApiRoot } : {}),
    logLevel: read('LOG_LEVEL'),
    rateLimitMessages: read('RATE_LIMIT_MESSAGES'),
    rateLimitWindowSeconds: read('RATE_LIMIT_WINDOW_SECONDS'),
    sessionTtlMinutes: read('SESSION_TTL_MINUTES'),
    typingDelayMs: read('TYPING_DELAY_MS'),
    botMode,
    host: read('HOST'),
    port: read('PORT'),
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(unansweredLog.toLowerCase() === 'off' ? {} : { unansweredLog }),
  };
  if (botMode === 'webhook') {
    if (!botToken) throw new ConfigError('BOT_TOKEN', 'is required with BOT_MODE=webhook: copy the token from @BotFather (the console chat needs BOT_MODE=polling)');
    if (!webhookSecret) throw new ConfigError('WEBHOOK_SECRET', `is required with BOT_MODE=webhook: ${VARIABLES.WEBHOOK_SECRET.problem.replace(/^must be /, 'set ')}`);
  } else if (webhookUrl) {
    throw new ConfigError('WEBHOOK_URL', 'is only used with BOT_MODE=webhook: set BOT_MODE=webhook, or leave WEBHOOK_URL empty to poll');
  }
  return config;
}

/**
 * The values of a configuration that must never be printed: the token, the webhook secret and the
 * Redis password. Pass them to `createLogger({ secrets })`.
 * @example
 * const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
 */
export function secretsOf(config: Config): string[] {
  const out: string[] = [];
  if (config.botToken) out.push(config.botToken, config.botToken.split(':')[1] ?? '');
  if (config.webhookSecret) out.push(config.webhookSecret);
  if (config.redisUrl) {
    const { password, username } = new URL(config.redisUrl);
    if (password) out.push(password, decodeURIComponent(password));
    if (username && password) out.push(`${username}:${password}`);
  }
  return out.filter((s) => s.length > 0);
}
