/**
 * In groups, the bot only hears what is meant for it: commands (its own or unaddressed), messages
 * that mention it, and replies to its own messages. Everything else in a group stops here. Private
 * chats, callback queries and inline queries pass; channel posts never do.
 */
import type { MiddlewareFn } from 'grammy';
import type { Message, MessageEntity, UserFromGetMe } from 'grammy/types';
import type { BotContext } from '../context.ts';

/**
 * @example
 * bot.use(onlyAddressedInGroups());
 */
export function onlyAddressedInGroups(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (ctx.channelPost || ctx.editedChannelPost) return;
    const message = ctx.message ?? ctx.editedMessage;
    if (!message || message.chat.type === 'private') return next();
    if (isAddressedToBot(message, ctx.me)) return next();
    return;
  };
}

/**
 * True when a group message is a command for this bot, mentions it, or replies to one of its messages.
 * @example
 * isAddressedToBot(message, ctx.me);
 */
export function isAddressedToBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  return entities.some((e) => entityAddressesBot(e, text, me));
}

function entityAddressesBot(entity: MessageEntity, text: string, me: UserFromGetMe): boolean {
  const value = text.slice(entity.offset, entity.offset + entity.length);
  const username = me.username.toLowerCase();
  switch (entity.type) {
    case 'bot_command': {
      if (entity.offset !== 0) return false;
      const at = value.indexOf('@');
      return at === -1 || value.slice(at + 1).toLowerCase() === username;
    }
    case 'mention':
      return value.toLowerCase() === `@${username}`;
    case 'text_mention':
      return entity.user.id === me.id;
    default:
      return false;
  }
}

/**
 * The question in a message: its text without mentions of the bot.
 * @example
 * questionText({ text: '@moscow_talks_bot من حضر؟', entities: [{ type: 'mention', offset: 0, length: 17 }] }, me); // 'من حضر؟'
 */
export function questionText(message: Pick<Message, 'text' | 'entities'>, me: UserFromGetMe): string {
  const text = message.text ?? '';
  const mentions = (message.entities ?? [])
    .filter((e) => entityAddressesBot(e, text, me) && e.type !== 'bot_command')
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of mentions) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return mentions.length > 0 ? out.replace(/ {2,}/g, ' ').trim() : text;
}
