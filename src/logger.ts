/**
 * The program's logger: pino, JSON lines when stdout is not a terminal, pretty-printed in one.
 * Logs describe updates by id and kind only; every line is scrubbed of the secrets it is given
 * (the bot token), whatever a library put into an error message.
 */
import { createRequire } from 'node:module';
import pino from 'pino';
import type { LogLevel } from './config.ts';

export type Logger = pino.Logger;

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings that must never appear in a log line (replaced by `[redacted]`), e.g. the bot token. */
  readonly secrets?: readonly string[];
  /** Default: stdout. */
  readonly destination?: LogDestination;
  /** Human-readable lines instead of JSON (default: when stdout is a terminal and no destination is given). */
  readonly pretty?: boolean;
}

/**
 * Creates the logger.
 * @example
 * const logger = createLogger({ level: 'info', secrets: [token] });
 * logger.info({ update_id: 42, update: 'message:text' }, 'update handled');
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const target: LogDestination = options.destination ?? process.stdout;
  const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const sink: LogDestination = pretty ? createPrettyStream(target) : target;
  const scrubbed: pino.DestinationStream = {
    write: (line: string) => {
      sink.write(scrubSecrets(line, secrets));
    },
  };
  return pino(
    {
      level: options.level,
      base: undefined,
      serializers: { err: serializeError },
      formatters: { level: (label) => ({ level: label }) },
    },
    scrubbed,
  );
}

/**
 * Replaces every occurrence of each secret by `[redacted]`.
 * @example
 * scrubSecrets('GET /bot123:abc/getMe', ['123:abc']); // 'GET /bot[redacted]/getMe'
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * What a log line keeps of an error: its class, message, Telegram's error code and description, the
 * API method, and the stack. Never the request payload (grammY's `GrammyError.payload` holds chat ids
 * and message text) nor a wrapped error's URL (which contains the token).
 * @example
 * logger.error({ err: serializeError(error) }, 'sendMessage failed');
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // Already serialized (a caller passed serializeError's output under `err`): keep it.
    if (typeof error === 'object' && error !== null && 'message' in error) return error as Record<string, unknown>;
    return { message: String(error) };
  }
  const e = error as Error & { error_code?: unknown; description?: unknown; method?: unknown; error?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: e.message };
  if (typeof e.error_code === 'number') out.code = e.error_code;
  if (typeof e.description === 'string') out.description = e.description;
  if (typeof e.method === 'string') out.method = e.method;
  if (e.error instanceof Error) out.cause = { type: e.error.name, message: e.error.message };
  if (e.stack) out.stack = e.stack;
  return out;
}

function createPrettyStream(target: LogDestination): LogDestination {
  const require = createRequire(import.meta.url);
  const pinoPretty = require('pino-pretty') as (options: Record<string, unknown>) => LogDestination;
  return pinoPretty({ colorize: true, sync: true, destination: target, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' });
}
