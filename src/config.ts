/**
 * The program's configuration, read from environment variables (and `.env`, which only main.ts
 * loads). Pure: `createConfig(env)` reads nothing else, so tests pass plain objects.
 */
import { z } from 'zod';

/** Log levels accepted by `LOG_LEVEL` (pino's, plus `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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

/** `123456789:` + 30 or more of [A-Za-z0-9_-], as @BotFather issues them. */
const TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]{30,100}$/;

/** Treats an empty or blank value as unset (a copied `.env.example` has `BOT_TOKEN=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

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
  return {
    ...(botToken ? { botToken } : {}),
    ...(telegramApiRoot ? { telegramApiRoot } : {}),
    logLevel: read('LOG_LEVEL'),
    rateLimitMessages: read('RATE_LIMIT_MESSAGES'),
    rateLimitWindowSeconds: read('RATE_LIMIT_WINDOW_SECONDS'),
    sessionTtlMinutes: read('SESSION_TTL_MINUTES'),
  };
}
