import type { Delimiter } from '../table.js';
import type { ReadFinding } from './findings.js';
import { quoteValue } from './quote-value.js';

export interface LenientRecord {
  values: string[];
  /** Field start and end offsets, absolute. */
  spans: number[];
  /** Offset just past the record's text (before its line break). */
  end: number;
  /** Offset of the next record. */
  next: number;
  findings: ReadFinding[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Reads one record from `start` the way a person would read it, never failing: a quote inside an
 * unquoted field is text, characters after a closing quote belong to the field, and a quoted field
 * that is never closed (or closed only on a later line, followed by garbage) ends at its own line.
 * The CSV parser gives up on such records; this reader lets validation carry on past them.
 */
export function readLenientRecord(text: string, start: number, delimiter: Delimiter, record: number): LenientRecord {
  const sep = delimiter.charCodeAt(0);
  const values: string[] = [];
  const spans: number[] = [];
  const findings: ReadFinding[] = [];
  let pos = start;
  for (;;) {
    const fieldStart = pos;
    let value: string;
    const quote = paddedQuote(text, pos, sep);
    if (quote !== pos && text.charCodeAt(quote) === QUOTE) {
      // ` "a, b"`: spaces before a quoted field. People mean the quoted value, so read it that way.
      findings.push({
        code: 'stray-quote',
        start: quote,
        end: quote + 1,
        record,
        message: 'A quoted field must start with its quote; the spaces before it make the quotes part of the value. Remove the spaces.',
        fixes: [{ title: 'Remove the spaces before the quote', edits: [{ start: fieldStart, end: quote, newText: '' }], safe: true }],
      });
      const quoted = readQuoted(text, quote, sep, record, findings);
      value = quoted.value;
      pos = quoted.end;
    } else if (text.charCodeAt(pos) === QUOTE) {
      const quoted = readQuoted(text, pos, sep, record, findings);
      value = quoted.value;
      pos = quoted.end;
    } else {
      pos = unquotedEnd(text, pos, sep);
      value = text.slice(fieldStart, pos);
      const quote = value.indexOf('"');
      if (quote !== -1) findings.push(strayInUnquoted(text, fieldStart, pos, fieldStart + quote, delimiter, record));
    }
    values.push(value);
    spans.push(fieldStart, pos);
    if (pos < text.length && text.charCodeAt(pos) === sep) {
      pos++;
      continue;
    }
    const end = pos;
    if (text.charCodeAt(pos) === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
    else if (text.charCodeAt(pos) === LF) pos++;
    return { values, spans, end, next: pos, findings };
  }
}

/** Where a field's first non-blank character is, when only spaces or tabs come before it. */
function paddedQuote(text: string, from: number, sep: number): number {
  let pos = from;
  // In a tab-separated file a tab ends the field; only the other separators leave it as padding.
  while (text.charCodeAt(pos) === 32 || (text.charCodeAt(pos) === 9 && sep !== 9)) pos++;
  return pos;
}

function unquotedEnd(text: string, from: number, sep: number): number {
  let pos = from;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === sep || c === CR || c === LF) break;
    pos++;
  }
  return pos;
}

function lineEnd(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && text.charCodeAt(pos) !== CR && text.charCodeAt(pos) !== LF) pos++;
  return pos;
}

function readQuoted(text: string, open: number, sep: number, record: number, findings: ReadFinding[]): { value: string; end: number } {
  let at = open + 1;
  let close = -1;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q === -1) break;
    if (text.charCodeAt(q + 1) === QUOTE) {
      at = q + 2;
      continue;
    }
    close = q;
    break;
  }
  const after = close === -1 ? -1 : close + 1;
  const closesCleanly = after !== -1 && (after >= text.length || [sep, CR, LF].includes(text.charCodeAt(after)));
  if (closesCleanly) return { value: unescape(text.slice(open + 1, close)), end: after };

  const firstLineEnd = lineEnd(text, open);
  const spansLines = close === -1 ? firstLineEnd < text.length : close > firstLineEnd;
  if (close === -1 || spansLines) {
    // The quote opened here is the mistake: everything after it would otherwise be swallowed.
    const fieldText = text.slice(open, firstLineEnd);
    findings.push({
      code: 'unclosed-quote',
      start: open,
      end: open + 1,
      record,
      message: 'This quote is never closed, so the rest of the file would be read as one field. Close it, or remove it.',
      fixes: [
        { title: 'Close the quote at the end of the line', edits: [{ start: firstLineEnd, end: firstLineEnd, newText: '"' }], safe: false },
        { title: 'Remove the quote', edits: [{ start: open, end: open + 1, newText: '' }], safe: false },
      ],
    });
    return { value: unescape(fieldText.slice(1)), end: firstLineEnd };
  }
  // Closed on the same line but followed by more text: `"abc"def`.
  const end = unquotedEnd(text, after, sep);
  const value = unescape(text.slice(open + 1, close)) + text.slice(after, end);
  findings.push({
    code: 'stray-quote',
    start: close,
    end: close + 1,
    record,
    message: `A quoted field must end at its closing quote; "${text.slice(after, end)}" follows it. Quote the whole value, or remove the quotes.`,
    fixes: [{ title: 'Quote the whole field', edits: [{ start: open, end, newText: quoteValue(value, String.fromCharCode(sep) as ',' | ';' | '\t') }], safe: false }],
  });
  return { value, end };
}

function strayInUnquoted(text: string, start: number, end: number, quote: number, delimiter: Delimiter, record: number): ReadFinding {
  const raw = text.slice(start, end);
  return {
    code: 'stray-quote',
    start: quote,
    end: quote + 1,
    record,
    message: 'A quote inside an unquoted field. If it is part of the value, quote the field and double the quote; otherwise remove it.',
    fixes: [{ title: 'Quote the field, keeping the quote as text', edits: [{ start, end, newText: quoteValue(raw, delimiter) }], safe: true }],
  };
}

function unescape(inner: string): string {
  return inner.includes('""') ? inner.replaceAll('""', '"') : inner;
}
