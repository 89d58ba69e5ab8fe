/** /sources: the five articles with their dates and what each covers; editorial titles marked. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { renderSourceList } from '../format/answer.ts';
import { splitHtml } from '../format/split.ts';

/**
 * @example
 * bot.use(sourcesFeature);
 */
export const sourcesFeature = new Composer<BotContext>();

sourcesFeature.command('sources', async (ctx) => {
  for (const part of splitHtml(renderSourceList(ctx.deps.engine.sources()))) {
    await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  }
});
