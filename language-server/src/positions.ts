import type { Position, Range, Table } from '@numbers-csv/shared';

/*
 * The core's positions never count a leading byte order mark (editors hide it; so does the table's
 * text), but a client that keeps the mark in the document counts it on the first line. These convert
 * between the two; without a mark they are the identity.
 */

export function toClientPosition(position: Position, table: Table): Position {
  return table.bom && position.line === 0 ? { line: 0, character: position.character + 1 } : position;
}

export function toClientRange(range: Range, table: Table): Range {
  return { start: toClientPosition(range.start, table), end: toClientPosition(range.end, table) };
}

/** The offset into `table.text` of a position in the client's document. */
export function tableOffset(position: Position, table: Table): number {
  const character = table.bom && position.line === 0 ? Math.max(position.character - 1, 0) : position.character;
  return table.lines.offsetAt({ line: position.line, character });
}

/** The client-side range of `table.text` between two offsets. */
export function clientRange(start: number, end: number, table: Table): Range {
  return toClientRange(table.lines.range(start, end), table);
}

/** The whole document, as a range a whole-document edit replaces. */
export function wholeDocument(table: Table): Range {
  return { start: { line: 0, character: 0 }, end: toClientPosition(table.lines.positionAt(table.text.length), table) };
}
