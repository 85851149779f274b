import type { IssueCode, Severity } from './catalogue.js';

/** 0-based, in UTF-16 code units, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes only restore what the author evidently meant (casing, a lost `+`, a separator);
   * `numbers-csv fix` and "fix all" apply these and nothing else.
   */
  safe: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  range: Range;
  /** 1-based data row (the header is not counted), where the issue belongs to one. */
  row?: number;
  /** The column name, where the issue belongs to one. */
  column?: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
}
