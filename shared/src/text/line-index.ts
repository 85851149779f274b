import type { Position, Range } from '../issue.js';
import type { TextSource } from './text-source.js';

/**
 * Maps offsets in a text to LSP positions and back. Line breaks are `\n`, `\r\n` and a lone `\r`,
 * as in LSP and in the CSV parser, so that both agree on every line number.
 *
 * Lines are found as far as a question needs them, not up front: a file with few issues is asked
 * about few places, and the starts of all 100,000 lines of an export would only be garbage to collect.
 */
export class LineIndex {
  /** Starts of the lines found so far, in order; the first line always starts at 0. */
  private starts: number[] = [0];
  /** Every line break has been found. */
  private complete = false;
  /** Whether the text has a `\r`; undefined until the first scan. */
  private hasCr: boolean | undefined;

  constructor(readonly text: TextSource) {}

  /**
   * The index of `text`, which is `before`'s text with `[start, end)` replaced by `inserted`. The line
   * starts `before` found hold before the edit, and moved by its length after it; only the lines
   * around the edit are looked for again. An editor need not find a large file's lines after each
   * keystroke.
   */
  static edited(before: LineIndex, text: TextSource, start: number, end: number, inserted: string): LineIndex {
    const index = new LineIndex(text);
    const starts = before.starts;
    // A line start right at the edit may move: a "\n" typed after a lone "\r" makes them one line break.
    index.starts = starts.slice(0, Math.max(firstAtOrAfter(starts, start), 1));
    index.hasCr = before.hasCr === true || (before.hasCr === false && inserted.includes('\r')) ? true : before.hasCr;
    // Starts two characters or more past the edit keep the line break before them.
    const kept = firstAtOrAfter(starts, end + 2);
    if (kept === starts.length) return index;
    const delta = inserted.length - (end - start);
    const target = (starts[kept] as number) + delta;
    while (!index.complete && (index.starts[index.starts.length - 1] as number) < target) index.findNext();
    if (index.starts[index.starts.length - 1] !== target) return index;
    for (let i = kept + 1; i < starts.length; i++) index.starts.push((starts[i] as number) + delta);
    index.complete = before.complete;
    return index;
  }

  get lineCount(): number {
    this.findLines(Infinity);
    return this.starts.length;
  }

  lineStart(line: number): number {
    this.findLines(line + 1);
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)] ?? 0;
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    this.findPast(clamped);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.starts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    this.findLines(position.line + 2);
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    const next = position.line + 1 < this.starts.length ? this.lineStart(position.line + 1) : this.text.length;
    // A character past the end of its line means the end of the line (LSP), never the next line.
    return Math.min(start + Math.max(position.character, 0), next - this.breakLengthBefore(next, start));
  }

  /** The length of the line break that ends just before `at`, if one does after `from`. */
  private breakLengthBefore(at: number, from: number): number {
    if (at <= from) return 0;
    const last = this.text.charCodeAt(at - 1);
    if (last === 13) return 1;
    if (last !== 10) return 0;
    return at - 2 >= from && this.text.charCodeAt(at - 2) === 13 ? 2 : 1;
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Finds line starts until `count` are known or the text ends. */
  private findLines(count: number): void {
    while (!this.complete && this.starts.length < count) this.findNext();
  }

  /** Finds line starts until one lies beyond `offset` or the text ends. */
  private findPast(offset: number): void {
    while (!this.complete && (this.starts[this.starts.length - 1] as number) <= offset) this.findNext();
  }

  /** Adds the start of the line after the last one found, or marks the index complete. */
  private findNext(): void {
    const text = this.text;
    const from = this.starts[this.starts.length - 1] as number;
    this.hasCr ??= text.indexOf('\r') !== -1;
    if (!this.hasCr) {
      // The common case: only `\n`. indexOf is several times faster than a character loop.
      const at = text.indexOf('\n', from);
      if (at === -1) this.complete = true;
      else this.starts.push(at + 1);
      return;
    }
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        this.starts.push(text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
        return;
      }
      if (c === 10) {
        this.starts.push(i + 1);
        return;
      }
    }
    this.complete = true;
  }
}

/** The index of the first start at or after `offset`, or the number of starts. */
function firstAtOrAfter(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
