import type { IssueCode } from '../catalogue.js';

/** An edit in offsets, before the text is mapped to lines. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  safe: boolean;
}

/** A problem the reader found, placed by offsets; validation turns it into an Issue. */
export interface ReadFinding {
  code: Extract<IssueCode, 'stray-quote' | 'unclosed-quote'>;
  start: number;
  end: number;
  /** The data row it belongs to (0 for the header). */
  record: number;
  message: string;
  fixes: OffsetFix[];
}
