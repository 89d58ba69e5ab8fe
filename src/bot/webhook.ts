/**
 * Running the bot in webhook mode: the HTTP server listens first (so that /healthz answers 503 while
 * the knowledge base loads), then the engine is loaded, the bot learns who it is (`getMe`), the webhook
 * is registered when `WEBHOOK_URL` is set (with the secret and the update types the bot handles), and
 * the server starts taking updates. On SIGTERM/SIGINT it stops taking requests, finishes those in
 * flight and the updates in progress, and resolves 0 within 10 s.
 */
import { BotError, GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { Stores } from '../stores.ts';
import { registerBotProfile } from './commands.ts';
import type { BotContext } from './context.ts';
import { handleError } from './handlers/error.ts';
import { ALLOWED_UPDATES, createBot } from './index.ts';
import { PollingRefusedError } from './polling.ts';
import { warmUp } from './warm-up.ts';
import { createWebhookServer, WEBHOOK_PATH, type WebhookServer } from './webhook-server.ts';

export interface RunWebhookOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly stores: Stores;
  /** Loads the knowledge base (called once the server is listening). */
  readonly loadEngine: () => Engine;
  /** Signals that stop the bot (default SIGINT and SIGTERM). */
  readonly signals?: readonly NodeJS.Signals[];
  /** After a stop signal, give up waiting after this long (default 9,000 ms: exit within 10 s). */
  readonly stopTimeoutMs?: number;
  /** Set the commands and descriptions on start (default true). */
  readonly registerProfile?: boolean;
}

/**
 * The server could not listen (port taken, address not on this machine).
 * @example
 * if (error instanceof ListenError) logger.fatal(error.message);
 */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly code: string;
  constructor(host: string, port: number, code: string) {
    super(
      code === 'EADDRINUSE'
        ? `Cannot listen on ${host}:${port}: the port is in use. Stop the other program or choose another PORT.`
        : `Cannot listen on ${host}:${port} (${code}): set HOST to an address of this machine (e.g. 127.0.0.1 or 0.0.0.0) and PORT to a free port.`,
    );
    this.code = code;
  }
}

/**
 * Telegram refused `setWebhook` for `WEBHOOK_URL`.
 * @example
 * if (error instanceof WebhookRefusedError) logger.fatal(error.message);
 */
export class WebhookRefusedError extends Error {
  override readonly name = 'WebhookRefusedError';
  readonly description: string;
  constructor(description: string) {
    super(`Telegram refused WEBHOOK_URL (${description}): give the public https URL of this server ending in ${WEBHOOK_PATH}, on port 443, 80, 88 or 8443.`);
    this.description = description;
  }
}

/**
 * Serves until a stop signal (resolves 0) or a refusal at start (resolves 1 after one log line).
 * @example
 * process.exitCode = await runWebhook({ config, logger, stores, loadEngine: () => createEngine() });
 */
export async function runWebhook(options: RunWebhookOptions): Promise<number> {
  const { config, logger, stores, signals = ['SIGINT', 'SIGTERM'], stopTimeoutMs = 9000, registerProfile = true } = options;
  const token = config.botToken;
  const secret = config.webhookSecret;
  if (!token || !secret) throw new Error('runWebhook needs BOT_TOKEN and WEBHOOK_SECRET (createConfig checks both in webhook mode)');
  const server = createWebhookServer({ secret, gate: stores.updateGate, logger, health: stores.health });

  let signalled: NodeJS.Signals | undefined;
  let stopped: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (stopped = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = signal;
    stopped();
  };
  for (const signal of signals) process.on(signal, onSignal);
  try {
    try {
      const address = await server.listen(config.port, config.host);
      logger.info({ host: address.address, port: address.port, path: WEBHOOK_PATH }, 'webhook server listening');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      logger.fatal({ code }, new ListenError(config.host, config.port, code).message);
      return 1;
    }
    const loadStarted = performance.now();
    const engine = options.loadEngine();
    const bot = createBot(token, { config, logger, engine, ...stores.bot });
    logger.info({ knowledge: engine.version, loadMs: Math.round(performance.now() - loadStarted) }, 'knowledge base loaded');
    const refused = await prepare(bot, config, secret, logger, stopping);
    if (refused !== undefined) return refused;
    if (signalled) return await stop(server, logger, signalled, stopTimeoutMs);

    server.ready((update) => handle(bot, update), { knowledge: engine.version });
    logger.info({ bot: bot.botInfo.username, knowledge: engine.version, startupMs: Math.round(performance.now()) }, 'ready for updates');
    if (registerProfile) setTimeout(() => void registerBotProfile(bot.api, logger), 0);
    setTimeout(() => {
      const started = performance.now();
      void warmUp(engine).then((answers) => logger.debug({ answers, ms: Math.round(performance.now() - started) }, 'warmed up'));
    }, 0);

    await stopping;
    return await stop(server, logger, signalled ?? 'SIGTERM', stopTimeoutMs);
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    if (!signalled) await server.close(Date.now() + 1000);
  }
}

/** getMe, then setWebhook when WEBHOOK_URL is set. Resolves 1 after logging a refusal, undefined when ready or signalled. */
async function prepare(bot: Bot<BotContext>, config: Config, secret: string, logger: Logger, stopping: Promise<void>): Promise<number | undefined> {
  try {
    await Promise.race([bot.init(), stopping]);
    if (!bot.isInited()) return undefined;
    if (config.webhookUrl) {
      await Promise.race([
        bot.api.setWebhook(config.webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 100 }),
        stopping,
      ]);
      logger.info({ allowed_updates: ALLOWED_UPDATES }, 'webhook registered with Telegram');
    }
    return undefined;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      logger.fatal({ code: 401 }, new PollingRefusedError(401).message);
      return 1;
    }
    if (error instanceof GrammyError && error.method === 'setWebhook') {
      logger.fatal({ code: error.error_code }, new WebhookRefusedError(error.description).message);
      return 1;
    }
    throw error;
  }
}

/** Hands the update to grammY; an error that escaped the features' error boundary gets the same handling. */
async function handle(bot: Bot<BotContext>, update: Update): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (error instanceof BotError) await handleError(error as BotError<BotContext>);
    else throw error;
  }
}

async function stop(server: WebhookServer, logger: Logger, signal: NodeJS.Signals, stopTimeoutMs: number): Promise<number> {
  logger.info({ signal, inProgress: server.inProgress }, 'stopping: no new requests; finishing the updates in progress');
  const unfinished = await server.close(Date.now() + stopTimeoutMs);
  if (unfinished > 0) logger.warn({ inProgress: unfinished }, 'gave up waiting for updates in progress');
  logger.info('stopped');
  return 0;
}
