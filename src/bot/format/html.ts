/**
 * The few pieces of Telegram HTML the bot writes. Everything that comes from users or the knowledge
 * base goes through {@link escapeHtml}; the only tags emitted are `<b>` and `<blockquote>`.
 */

/**
 * Escapes text for Telegram's HTML parse mode (`&`, `<`, `>`; quotes need no escaping outside attributes).
 * @example
 * escapeHtml('<b> & <script>'); // '&lt;b&gt; &amp; &lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Bold, escaping the text.
 * @example
 * bold('المصادر'); // '<b>المصادر</b>'
 */
export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/**
 * A block quotation, collapsed to a few lines when `expandable` (the reader taps to expand).
 * @example
 * blockquote('«نص حرفي»', { expandable: true }); // '<blockquote expandable>«نص حرفي»</blockquote>'
 */
export function blockquote(text: string, options: { expandable?: boolean } = {}): string {
  return `<blockquote${options.expandable ? ' expandable' : ''}>${escapeHtml(text)}</blockquote>`;
}
