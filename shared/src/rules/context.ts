import type { IssueCode } from '../catalogue.js';
import type { ColumnName } from '../domain/columns.js';
import type { Issue } from '../issue.js';
import type { OffsetEdit, OffsetFix } from '../parse/findings.js';
import { quoteValue } from '../parse/quote-value.js';
import { effectiveSeverity, type Settings } from '../settings.js';
import type { Table } from '../table.js';
import type { LiveData } from './live/live-data.js';
import type { Row } from './row.js';

export interface Finding {
  code: IssueCode;
  message: string;
  start: number;
  end: number;
  row?: number;
  column?: string;
  fixes?: OffsetFix[];
  related?: { start: number; end: number; message: string }[];
}

/** What every rule gets: the table, the settings, and one way to report. */
export class RuleContext {
  readonly issues: Issue[] = [];
  /**
   * When set, findings go here instead of becoming issues: an editor keeps them with their row and
   * reports them, moved, after later edits.
   */
  recording: Finding[] | undefined;

  constructor(
    readonly table: Table,
    readonly settings: Settings,
    /** Live data, for the context rules; offline validation has none. */
    readonly live?: LiveData,
  ) {}

  report(finding: Finding): void {
    if (this.recording) {
      this.recording.push(finding);
      return;
    }
    const severity = effectiveSeverity(this.settings, finding.code);
    if (severity === 'off') return;
    const lines = this.table.lines;
    const issue: Issue = {
      code: finding.code,
      severity,
      message: finding.message,
      range: lines.range(finding.start, finding.end),
    };
    if (finding.row !== undefined && finding.row > 0) issue.row = finding.row;
    if (finding.column !== undefined) issue.column = finding.column;
    if (finding.fixes && finding.fixes.length > 0) {
      issue.fixes = finding.fixes.map((fix) => ({
        title: fix.title,
        safe: fix.safe,
        edits: fix.edits.map((edit) => ({ range: lines.range(edit.start, edit.end), newText: edit.newText })),
      }));
    }
    if (finding.related && finding.related.length > 0) {
      issue.related = finding.related.map((r) => ({ range: lines.range(r.start, r.end), message: r.message }));
    }
    this.issues.push(issue);
  }

  /** Reports on one field of a row. */
  reportField(code: IssueCode, row: Row, column: ColumnName, message: string, fixes?: OffsetFix[]): void {
    const [start, end] = row.span(column);
    this.report({ code, message, start, end, row: row.number, column, ...(fixes ? { fixes } : {}) });
  }

  /** A fix that writes `value` into the column's field, quoting it when needed. */
  replaceField(row: Row, column: ColumnName, value: string, title: string, safe: boolean): OffsetFix {
    const [start, end] = row.span(column);
    return { title, safe, edits: [{ start, end, newText: quoteValue(value, this.table.delimiter) }] };
  }

  /** An edit that deletes a whole record, line break included. */
  deleteRecordEdit(recordOffset: number, recordLength: number): OffsetEdit {
    const text = this.table.text;
    let end = recordOffset + recordLength;
    if (text.charCodeAt(end) === 13) end += text.charCodeAt(end + 1) === 10 ? 2 : 1;
    else if (text.charCodeAt(end) === 10) end += 1;
    if (end >= text.length && recordOffset > 0) {
      // The last record: take the line break before it instead, so the file ends as it did.
      let start = recordOffset;
      if (text.charCodeAt(start - 1) === 10) start--;
      if (text.charCodeAt(start - 1) === 13) start--;
      return { start, end: recordOffset + recordLength, newText: '' };
    }
    return { start: recordOffset, end, newText: '' };
  }
}

/** The finding as it reads once its row has moved by `delta` characters and is row `row`. */
export function movedFinding(finding: Finding, delta: number, row: number): Finding {
  const move = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + delta, end: span.end + delta });
  return {
    ...move(finding),
    ...(finding.row !== undefined ? { row } : {}),
    ...(finding.fixes ? { fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map(move) })) } : {}),
    ...(finding.related ? { related: finding.related.map(move) } : {}),
  };
}
