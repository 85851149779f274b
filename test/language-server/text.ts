import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/*
 * The client's side of text sync, written apart from the server and the core on purpose: the tests
 * compare what the server publishes with what the core finds in the text as the client holds it.
 */

function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** As LSP says: a character past the end of its line means the end of the line. */
export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line] ?? 0;
  const next = starts[position.line + 1];
  let lineEnd = next ?? text.length;
  if (next !== undefined) lineEnd -= text.slice(start, next).match(/(?:\r\n|\r|\n)$/)?.[0].length ?? 0;
  return Math.min(start + position.character, lineEnd);
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset) line++;
  return { line, character: offset - (starts[line] ?? 0) };
}

export function rangeOf(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** Simultaneous edits, as a WorkspaceEdit holds them: every range refers to the text before any. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}

/** The position of the first `needle` in `text` (after `from`), plus `shift` characters. */
export function find(text: string, needle: string, shift = 0, from = 0): Position {
  const at = text.indexOf(needle, from);
  if (at === -1) throw new Error(`"${needle}" is not in the text`);
  return positionAt(text, at + shift);
}
