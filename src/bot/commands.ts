/**
 * The bot's profile on Telegram: its commands with Arabic descriptions (default and `ar`), its
 * description and short description. Registered at start; a refusal is a warning, not a failure.
 */
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { botText } from '../locale/ar.ts';
import type { Logger } from '../logger.ts';

/** The commands shown in Telegram's menu. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: 'start', description: botText.commands.start },
  { command: 'meetings', description: botText.commands.meetings },
  { command: 'sources', description: botText.commands.sources },
  { command: 'help', description: botText.commands.help },
  { command: 'privacy', description: botText.commands.privacy },
];

/**
 * Sets the commands, description and short description, for every language and for Arabic. Resolves
 * to the number of calls Telegram refused (each logged as a warning); never rejects.
 * @example
 * void registerBotProfile(bot.api, logger);
 */
export async function registerBotProfile(api: Api, logger: Logger): Promise<number> {
  const calls: [string, () => Promise<unknown>][] = [];
  for (const language_code of [undefined, 'ar'] as const) {
    const lang = language_code ? { language_code } : {};
    calls.push(
      ['setMyCommands', () => api.setMyCommands(BOT_COMMANDS, lang)],
      ['setMyDescription', () => api.setMyDescription(botText.description, lang)],
      ['setMyShortDescription', () => api.setMyShortDescription(botText.shortDescription, lang)],
    );
  }
  const results = await Promise.allSettled(calls.map(([, call]) => call()));
  let refused = 0;
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      refused++;
      logger.warn({ method: calls[i]?.[0], err: r.reason }, 'Telegram refused to update the bot profile; carrying on');
    }
  });
  return refused;
}
