/**
 * Append-only JSONL file store for declined questions.
 *
 * Each entry is one `write` of one complete line to a file opened with O_APPEND, so concurrent
 * writers (updates in flight, several processes on one host) never interleave inside a line.
 * A crash mid-write can leave a partial last line: readers skip any line that is not complete
 * valid JSON, and the first write after opening terminates such a line with a newline first.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UnansweredEntry, UnansweredStore } from './types.ts';

/**
 * @example
 * const store = new FileUnansweredStore('data/unanswered.jsonl');
 * await store.record({ at: new Date().toISOString(), question: 'ما موقف الاردن', reason: 'foreign', suggestions: [] });
 */
export class FileUnansweredStore implements UnansweredStore {
  readonly kind = 'file' as const;
  private fd: number | undefined;

  constructor(readonly path: string) {}

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a+');
    // a previous crash may have left a partial last line: end it so the next entry starts clean
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last.toString() !== '\n') writeSync(fd, '\n');
    }
    this.fd = fd;
    return fd;
  }

  async record(entry: UnansweredEntry): Promise<void> {
    writeSync(this.open(), `${JSON.stringify(entry)}\n`);
  }

  async readAll(): Promise<UnansweredEntry[]> {
    if (!existsSync(this.path)) return [];
    return parseLines(readFileSync(this.path, 'utf8'));
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Parses JSONL, keeping only complete, well-formed entries.
 * @example
 * parseLines('{"at":"…","question":"q","reason":"r","suggestions":[]}\n{"at":'); // one entry
 */
export function parseLines(text: string): UnansweredEntry[] {
  const out: UnansweredEntry[] = [];
  const lines = text.split('\n');
  // the last element is '' for a file ending in a newline; anything else is a partial line
  lines.pop();
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as Partial<UnansweredEntry>;
      if (typeof e.question === 'string' && typeof e.at === 'string') {
        out.push({ at: e.at, question: e.question, reason: String(e.reason ?? ''), suggestions: Array.isArray(e.suggestions) ? e.suggestions.map(String) : [] });
      }
    } catch {
      // a line torn by a crash: skip it
    }
  }
  return out;
}
