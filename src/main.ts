/**
 * `npm start`: with BOT_TOKEN, the Telegram bot — long polling (BOT_MODE=polling, the default) or an
 * HTTP server for Telegram's webhook (BOT_MODE=webhook) — keeping its state in memory, or in Redis
 * with REDIS_URL; without a token, the console chat.
 * A bad configuration or knowledge base prints one line on stderr and exits 1 before anything is served.
 */
import { config as loadDotenv } from 'dotenv';
import { runConsoleChat } from './cli/chat.ts';
import { runMain } from './cli/run-main.ts';
import { createBot } from './bot/index.ts';
import { runPolling } from './bot/polling.ts';
import { runWebhook } from './bot/webhook.ts';
import { createConfig, secretsOf } from './config.ts';
import { createEngine } from './engine/index.ts';
import { botText } from './locale/ar.ts';
import { createLogger } from './logger.ts';
import { createStores, type Stores } from './stores.ts';

let stores: Stores | undefined;
await runMain(async () => {
  loadDotenv({ quiet: true });
  const config = createConfig(process.env);
  if (!config.botToken) {
    const engine = createEngine();
    process.stderr.write(`${botText.consoleHint}\n`);
    await runConsoleChat(engine, { input: process.stdin, output: process.stdout });
    return 0;
  }
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  if (config.botMode === 'webhook') {
    stores = await createStores(config, logger);
    return runWebhook({ config, logger, stores, loadEngine: () => createEngine() });
  }
  const engine = createEngine();
  stores = await createStores(config, logger);
  const bot = createBot(config.botToken, { config, logger, engine, ...stores.bot, updateGate: stores.updateGate });
  return runPolling(bot, { logger, warmUpEngine: engine });
});
await stores?.close();
// Do not wait for idle keep-alive sockets or timers: the bot is done.
process.exit(process.exitCode ?? 0);
