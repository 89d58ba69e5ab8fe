/**
 * Splitting Telegram HTML into messages that fit the 4,096-character limit, which Telegram applies
 * to the text after parsing (tags do not count, an entity such as `&amp;` counts as one character).
 * Parts are cut at a line break when possible, else at a space; never inside a tag, an entity or a
 * surrogate pair; tags open at the cut are closed at the end of one part and reopened in the next.
 */

/** Telegram's limit on a message's text, in UTF-16 code units after entity parsing. */
export const MESSAGE_LIMIT = 4096;

type Token =
  | { readonly kind: 'open'; readonly name: string; readonly raw: string }
  | { readonly kind: 'close'; readonly name: string; readonly raw: string }
  | { readonly kind: 'text'; readonly raw: string; readonly size: number };

type OpenTag = Extract<Token, { kind: 'open' }>;

/** A place to cut: the break token's index, the tags open there, the visible size before it, its position in the part. */
interface Mark {
  readonly index: number;
  readonly stack: readonly OpenTag[];
  readonly size: number;
  readonly position: number;
}

const TOKEN = /<(\/?)([a-zA-Z][\w-]*)[^<>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    if (m[2] !== undefined) tokens.push({ kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), raw });
    else tokens.push({ kind: 'text', raw, size: raw.startsWith('&') ? entitySize(raw) : raw.length });
  }
  return tokens;
}

function entitySize(entity: string): number {
  const numeric = /^&#(x?)([0-9a-fA-F]+);$/.exec(entity);
  if (!numeric) return 1;
  const code = Number.parseInt(numeric[2] ?? '', numeric[1] ? 16 : 10);
  return code > 0xffff ? 2 : 1;
}

/**
 * The length Telegram counts for an HTML message: its text after parsing, in UTF-16 code units.
 * @example
 * visibleLength('<b>a &amp; b</b>'); // 5
 */
export function visibleLength(html: string): number {
  let n = 0;
  for (const t of tokenize(html)) if (t.kind === 'text') n += t.size;
  return n;
}

/**
 * Splits HTML into parts of at most `limit` visible characters each, every part valid on its own.
 * Parts with no visible text are dropped.
 * @example
 * splitHtml('<b>' + 'كلمة '.repeat(2000) + '</b>'); // three parts, each wrapped in <b>…</b>
 */
export function splitHtml(html: string, limit: number = MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`splitHtml: limit must be an integer ≥ 2, got ${limit}`);
  // Fast path: the raw HTML is never shorter than its visible text.
  if (html.length <= limit) return /\S/.test(stripTags(html)) ? [html] : [];
  const tokens = tokenize(html);
  const parts: string[] = [];
  let current: string[] = [];
  let stack: OpenTag[] = [];
  let size = 0;
  // The last places to cut so far: a line break and a space (the break character itself is dropped).
  let lineBreak: Mark | undefined;
  let space: Mark | undefined;

  const startPart = (open: readonly OpenTag[]) => {
    current = open.map((t) => t.raw);
    stack = [...open];
    size = 0;
    lineBreak = undefined;
    space = undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'open') {
      current.push(t.raw);
      stack.push(t);
      continue;
    }
    if (t.kind === 'close') {
      current.push(t.raw);
      const at = stack.map((s) => s.name).lastIndexOf(t.name);
      if (at >= 0) stack.splice(at, 1);
      continue;
    }
    if (size + t.size > limit && size > 0) {
      const cut = lineBreak && lineBreak.size >= limit / 2 ? lineBreak : space && space.size >= limit / 4 ? space : (lineBreak ?? space);
      if (cut) {
        // Close this part at the break; what followed it is processed again in the next part.
        parts.push(current.slice(0, cut.position).join('') + closers(cut.stack));
        startPart(cut.stack);
        i = cut.index;
        continue;
      }
      parts.push(current.join('') + closers(stack));
      startPart(stack);
    }
    if (t.raw === '\n' || t.raw === ' ') {
      const mark: Mark = { index: i, stack: [...stack], size, position: current.length };
      if (t.raw === '\n') lineBreak = mark;
      space = mark;
    }
    current.push(t.raw);
    size += t.size;
  }
  if (current.length) parts.push(current.join('') + closers(stack));
  return parts.map(dropEmptyElements).filter((p) => visibleLength(p.trim()) > 0 && /\S/.test(stripTags(p)));
}

/**
 * Cuts HTML to its first part of at most `limit` visible characters, ending with «…» if anything was cut.
 * @example
 * truncateHtml(longAnswerHtml, 4096);
 */
export function truncateHtml(html: string, limit: number = MESSAGE_LIMIT): string {
  if (visibleLength(html) <= limit) return html;
  const [first = ''] = splitHtml(html, limit - 2);
  return `${first}\n…`;
}

function closers(stack: readonly OpenTag[]): string {
  return [...stack].reverse().map((t) => `</${t.name}>`).join('');
}

function dropEmptyElements(html: string): string {
  let out = html;
  for (;;) {
    const next = out.replace(/<([a-zA-Z][\w-]*)(?:\s[^<>]*)?>(\s*)<\/\1>/g, '$2');
    if (next === out) return out;
    out = next;
  }
}

function stripTags(html: string): string {
  return html.replace(/<[^<>]*>/g, '').replace(/&[^;\s]+;/g, 'x');
}
