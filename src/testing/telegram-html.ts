/**
 * Telegram's HTML parse mode, parsed the way the Bot API server does it (TDLib's `parse_html`): the same
 * tags and attributes, the same entities out (offsets and lengths in UTF-16 code units), and the same
 * error descriptions ("Unsupported start tag \"p\" at byte offset 0", …) with byte offsets in UTF-8.
 *
 * One deliberate difference, on by default (`strict`): Telegram keeps a bare `&` (and an unknown named
 * entity such as `&nbsp;`, or a numeric one without its `;`) as literal text, although its documentation
 * says every `&` that is not part of an entity must be escaped. Strict mode refuses them
 * ("Unescaped \"&\" at byte offset 4"), so a bot that forgets to escape user text fails its tests
 * instead of only sometimes misrendering in production. `{ strict: false }` behaves exactly like Telegram.
 */
import type { MessageEntity } from 'grammy/types';

/**
 * Text and entities after parsing.
 * @example
 * const { text, entities }: ParsedText = parseTelegramHtml('<i>hi</i>');
 */
export interface ParsedText {
  /** The text as the user sees it, entities decoded and tags removed. */
  readonly text: string;
  /** The entities, sorted by offset (outer entity first), offsets and lengths in UTF-16 code units. */
  readonly entities: MessageEntity[];
}

/**
 * Options for {@link parseTelegramHtml}.
 * @example
 * parseTelegramHtml('AT&T', { strict: false }); // { text: 'AT&T', entities: [] }, as Telegram
 */
export interface ParseHtmlOptions {
  /** Refuse a bare `&` and unknown or unterminated entities (default true); false keeps them like Telegram. */
  readonly strict?: boolean;
}

/**
 * The markup cannot be parsed; `description` is what the Bot API answers with.
 * @example
 * try { parseTelegramHtml('<p>x</p>'); } catch (e) { if (e instanceof TelegramHtmlError) e.description; }
 * // "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 0"
 */
export class TelegramHtmlError extends Error {
  override readonly name = 'TelegramHtmlError';
  /** The Bot API's full description, e.g. `Bad Request: can't parse entities: …`. */
  readonly description: string;
  constructor(reason: string) {
    super(reason);
    this.description = `Bad Request: can't parse entities: ${reason}`;
  }
}

const TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'tg-time', 'span', 'pre', 'code', 'blockquote',
]);

const SIMPLE: Record<string, MessageEntity['type']> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
};

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/**
 * The length Telegram counts for message limits: UTF-16 code units.
 * @example
 * utf16Length('👍'); // 2
 */
export function utf16Length(text: string): number {
  return text.length;
}

/**
 * Parses Telegram HTML into text and entities; throws {@link TelegramHtmlError} where the Bot API would
 * answer 400 `can't parse entities: …`.
 * @example
 * parseTelegramHtml('<b>a &amp; <i>b</i></b>');
 * // { text: 'a & b', entities: [{ type: 'bold', offset: 0, length: 5 }, { type: 'italic', offset: 4, length: 1 }] }
 */
export function parseTelegramHtml(html: string, options: ParseHtmlOptions = {}): ParsedText {
  const strict = options.strict ?? true;
  const n = html.length;
  const at = (i: number): string => `at byte offset ${Buffer.byteLength(html.slice(0, i))}`;
  const fail = (reason: string): never => {
    throw new TelegramHtmlError(reason);
  };
  /** Decodes the entity at `i` (which is `&`): the character and the index after it, or undefined. */
  const entityAt = (i: number): { char: string; end: number } | undefined => {
    let end = i + 1;
    let code = 0;
    if (html[end] === '#') {
      end++;
      const hex = html[end] === 'x';
      if (hex) end++;
      const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
      const start = end;
      while (end < n && digits.test(html[end] ?? '')) end++;
      code = end > start ? Number.parseInt(html.slice(start, end), hex ? 16 : 10) : 0;
      if (code === 0 || code >= 0x10ffff || end - i >= 10) return undefined;
      if (code >= 0xd800 && code <= 0xdfff) {
        fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
      }
    } else {
      while (end < n && /[a-zA-Z]/.test(html[end] ?? '')) end++;
      const name = html.slice(i + 1, end);
      const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
      if (!Object.hasOwn(named, name)) return undefined;
      code = named[name] ?? 0;
    }
    if (html[end] === ';') end++;
    else if (strict) return undefined;
    return { char: String.fromCodePoint(code), end };
  };

  let text = '';
  const entities: MessageEntity[] = [];
  const open: { tag: string; argument: string; offset: number; begin: number }[] = [];
  let i = 0;
  while (i < n) {
    const c = html[i] as string;
    if (c === '&') {
      const decoded = entityAt(i);
      if (decoded) {
        text += decoded.char;
        i = decoded.end;
        continue;
      }
      if (strict) fail(`Unescaped "&" ${at(i)}`);
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const begin = i++;
    if (html[i] !== '/') {
      while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
      if (i >= n) fail(`Unclosed start tag ${at(begin)}`);
      const tag = html.slice(begin + 1, i).toLowerCase();
      if (!TAGS.has(tag)) fail(`Unsupported start tag "${tag}" ${at(begin)}`);
      let argument = '';
      const attributes: Record<string, string> = {};
      while (html[i] !== '>') {
        while (i < n && isSpace(html[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" ${at(begin)}`);
        if (html[i] === '>') break;
        const nameStart = i;
        while (i < n && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>') i++;
        const name = html.slice(nameStart, i);
        if (name === '') fail(`Empty attribute name in the tag "${tag}" ${at(begin)}`);
        while (i < n && isSpace(html[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" ${at(begin)}`);
        if (html[i] !== '=') {
          // An attribute without a value, e.g. <blockquote expandable>.
          if (tag === 'blockquote' && name === 'expandable') argument = 'expandable';
          continue;
        }
        i++;
        while (i < n && isSpace(html[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" ${at(begin)}`);
        let value = '';
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          i++;
          while (i < n && html[i] !== quote) {
            if (html[i] === '&') {
              const decoded = entityAt(i);
              if (decoded) {
                value += decoded.char;
                i = decoded.end;
                continue;
              }
              if (strict) fail(`Unescaped "&" ${at(i)}`);
            }
            value += html[i];
            i++;
          }
          if (i < n) i++;
        } else {
          // A name token: letters, digits, periods, hyphens; case-insensitive.
          const tokenStart = i;
          while (i < n && /[a-zA-Z0-9.-]/.test(html[i] ?? '')) i++;
          value = html.slice(tokenStart, i).toLowerCase();
          if (i < n && !isSpace(html[i]) && html[i] !== '>') fail(`Unexpected end of name token ${at(tokenStart)}`);
        }
        if (i >= n) fail(`Unclosed start tag ${at(begin)}`);
        attributes[name] = value;
        if (tag === 'a' && name === 'href') argument = value;
        else if (tag === 'code' && name === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tag === 'span' && name === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && name === 'emoji-id') argument = value;
        else if (tag === 'tg-time' && name === 'unix') argument = value;
        else if (tag === 'blockquote' && name === 'expandable') argument = 'expandable';
      }
      i++;
      if (tag === 'span' && argument !== 'spoiler') fail(`Tag "span" must have class "tg-spoiler" ${at(begin)}`);
      if (tag === 'tg-time' && attributes.format !== undefined) argument += `\n${attributes.format}`;
      open.push({ tag, argument, offset: text.length, begin: text.length });
      continue;
    }
    // An end tag.
    if (open.length === 0) fail(`Unexpected end tag ${at(begin)}`);
    i++;
    const nameStart = i;
    while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
    const endTag = html.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(html[i])) i++;
    if (html[i] !== '>') fail(`Unclosed end tag ${at(begin)}`);
    i++;
    const top = open.pop() as (typeof open)[number];
    if (endTag !== '' && endTag !== top.tag) {
      fail(`Unmatched end tag ${at(begin)}, expected "</${top.tag}>", found "</${endTag}>"`);
    }
    const offset = top.offset;
    const length = text.length - offset;
    if (length === 0) continue;
    const simple = SIMPLE[top.tag];
    const last = entities.at(-1);
    if (simple) entities.push({ type: simple, offset, length } as MessageEntity);
    else if (top.tag === 'a') {
      const url = checkedLink(top.argument || text.slice(top.begin));
      if (url) entities.push({ type: 'text_link', offset, length, url });
    } else if (top.tag === 'tg-emoji') {
      if (!/^[0-9]{1,19}$/.test(top.argument) || BigInt(top.argument) === 0n || BigInt(top.argument) > 2n ** 63n - 1n) {
        fail('Invalid custom emoji identifier specified');
      }
      entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: top.argument });
    } else if (top.tag === 'tg-time') {
      const [unix = '', format] = top.argument.split('\n');
      const entity = { type: 'date_time', offset, length, unix_time: /^-?\d+$/.test(unix) ? Number(unix) : 0 };
      entities.push((format ? { ...entity, date_time_format: format } : entity) as MessageEntity);
    } else if (top.tag === 'blockquote') {
      entities.push({ type: top.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote', offset, length });
    } else if (top.tag === 'pre') {
      // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
      if (last?.type === 'code' && last.offset === offset && last.length === length && (last as { language?: string }).language) {
        const language = (last as { language?: string }).language as string;
        entities[entities.length - 1] = { type: 'pre', offset, length, language };
      } else entities.push({ type: 'pre', offset, length });
    } else if (top.tag === 'code') {
      if (last?.type === 'pre' && last.offset === offset && last.length === length && top.argument) {
        entities[entities.length - 1] = { type: 'pre', offset, length, language: top.argument };
      } else entities.push({ type: 'code', offset, length, ...(top.argument ? { language: top.argument } : {}) } as MessageEntity);
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  for (const [k, e] of entities.entries()) {
    if (e.type === 'code' && 'language' in e) entities[k] = { type: 'code', offset: e.offset, length: e.length };
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

/** A link Telegram keeps for a text_link (normalized like Telegram), or undefined if it drops the entity. */
function checkedLink(raw: string): string | undefined {
  const link = raw.trim();
  if (link === '' || /\s/.test(link)) return undefined;
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(link) ? link : `http://${link}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.includes('.') ? url.href : undefined;
    return ['tg:', 'ton:', 'mailto:'].includes(url.protocol) ? link : undefined;
  } catch {
    return undefined;
  }
}
