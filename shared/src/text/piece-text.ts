import type { TextSource } from './text-source.js';

/** Past this many pieces, the text is joined into one string again: look-ups stay short. */
const MAX_PIECES = 256;

/**
 * A text as the pieces edits left: slices of the text as it was opened (which share its memory) and
 * what was typed. Reading a character or a short slice costs a binary search, not a copy of the
 * whole text; `toString` joins the pieces, once, for whoever needs the text as one string.
 */
export class PieceText implements TextSource {
  readonly length: number;
  /** Where each piece starts. */
  private readonly starts: number[];
  private joined: string | undefined;

  private constructor(private readonly pieces: readonly string[]) {
    this.starts = [];
    let at = 0;
    for (const piece of pieces) {
      this.starts.push(at);
      at += piece.length;
    }
    this.length = at;
  }

  static of(text: string): PieceText {
    const piece = new PieceText([text]);
    piece.joined = text;
    return piece;
  }

  /** The text with `[start, end)` replaced by `text`. */
  replaced(start: number, end: number, text: string): PieceText {
    const pieces = [...this.parts(0, start), ...(text === '' ? [] : [text]), ...this.parts(end, this.length)];
    return pieces.length > MAX_PIECES ? PieceText.of(pieces.join('')) : new PieceText(pieces);
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return Number.NaN;
    const at = this.pieceAt(index);
    return (this.pieces[at] as string).charCodeAt(index - (this.starts[at] as number));
  }

  slice(start = 0, end = this.length): string {
    const from = clamp(start, this.length);
    const to = clamp(end, this.length);
    return from >= to ? '' : this.parts(from, to).join('');
  }

  indexOf(search: string, from = 0): number {
    if (search.length !== 1) return this.toString().indexOf(search, from);
    // One character (a line break, a quote): looked for piece by piece.
    for (let at = this.pieceAt(Math.max(from, 0)); at < this.pieces.length; at++) {
      const pieceStart = this.starts[at] as number;
      const found = (this.pieces[at] as string).indexOf(search, Math.max(from - pieceStart, 0));
      if (found !== -1) return pieceStart + found;
    }
    return -1;
  }

  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /** The pieces that make up `[start, end)`, cut at both ends. */
  private parts(start: number, end: number): string[] {
    if (start >= end) return [];
    const parts: string[] = [];
    for (let at = this.pieceAt(start); at < this.pieces.length; at++) {
      const pieceStart = this.starts[at] as number;
      if (pieceStart >= end) break;
      const piece = this.pieces[at] as string;
      parts.push(start <= pieceStart && pieceStart + piece.length <= end ? piece : piece.slice(Math.max(start - pieceStart, 0), end - pieceStart));
    }
    return parts;
  }

  /** The piece holding `index` (the last one for the end of the text). */
  private pieceAt(index: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function clamp(at: number, length: number): number {
  return Math.min(Math.max(at, 0), length);
}
