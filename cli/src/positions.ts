import type { Position, Range } from '@numbers-csv/shared';

/** 1-based, as editors and compilers show them. */
export interface Place {
  line: number;
  column: number;
}

export interface Region {
  line: number;
  column: number;
  /** The end is exclusive, as in the LSP range it comes from (and as SARIF's endColumn). */
  endLine: number;
  endColumn: number;
}

export type Locate = (position: Position) => Place;

/** The core's positions are 0-based and, like an editor's, never count a byte order mark. */
export const locate: Locate = ({ line, character }) => ({ line: line + 1, column: character + 1 });

export function regionOf(range: Range, locate: Locate): Region {
  const start = locate(range.start);
  const end = locate(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
