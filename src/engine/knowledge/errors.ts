/**
 * Thrown when a knowledge file is missing, malformed or inconsistent. The message is one line that
 * names the file, the entry and the field, and says how to fix it; nothing is served after it.
 * @example
 * throw new KnowledgeError('knowledge/facts/quad.yaml', 'quad-topics', 'evidence[0].quote',
 *   'quote is not verbatim in article 000_91b8bfd8d3e92b35: copy the span exactly from the article');
 */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';

  constructor(
    /** Path of the file, relative to the project root when possible. */
    readonly file: string,
    /** Entry id (or `#<index>` when the entry has no valid id; empty for file-level problems). */
    readonly entry: string,
    /** Field path inside the entry (empty for entry- or file-level problems). */
    readonly field: string,
    /** What is wrong and how to fix it. */
    readonly reason: string,
  ) {
    const where = [file, entry && `entry ${entry}`, field && `field ${field}`].filter(Boolean).join(', ');
    super(`${where}: ${reason}`);
  }
}
