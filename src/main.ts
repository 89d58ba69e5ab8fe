/**
 * `npm start`: with BOT_TOKEN, the Telegram bot (long polling); without it, the console chat.
 * A bad configuration or knowledge base prints one line on stderr and exits 1 before anything is served.
 */
import { config as loadDotenv } from 'dotenv';
import { runConsoleChat } from './cli/chat.ts';
import { runMain } from './cli/run-main.ts';
import { createBot } from './bot/index.ts';
import { runPolling } from './bot/polling.ts';
import { createConfig } from './config.ts';
import { createEngine } from './engine/index.ts';
import { botText } from './locale/ar.ts';
import { createLogger } from './logger.ts';

await runMain(async () => {
  loadDotenv({ quiet: true });
  const config = createConfig(process.env);
  const engine = createEngine();
  if (!config.botToken) {
    process.stderr.write(`${botText.consoleHint}\n`);
    await runConsoleChat(engine, { input: process.stdin, output: process.stdout });
    return 0;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
  const bot = createBot(config.botToken, { config, logger, engine });
  const code = await runPolling(bot, { logger, warmUpEngine: engine });
  // Do not wait for idle keep-alive sockets or timers: the bot is done.
  process.exit(code);
});
