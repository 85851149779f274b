import { sniffDelimiter } from './parse/sniff.js';
import { release, valuesOf } from './record-values.js';
import { isBlankRecord, reportBlankRow } from './rules/blank-row.js';
import { RuleContext, movedFinding, type Finding } from './rules/context.js';
import type { RowChecks } from './rules/row-checks.js';
import type { Settings } from './settings.js';
import type { Issue, Range } from './issue.js';
import type { CsvRecord, Delimiter, Header, Table } from './table.js';
import { LineIndex } from './text/line-index.js';
import type { TextSource } from './text/text-source.js';
import { utf8Length } from './text/utf8-length.js';
import { newTable, sortIssues } from './new-table.js';
import type { ValidationResult } from './validate.js';

/**
 * What an editor keeps of a validation to validate the next edit from: the rules with their state
 * across rows, and what was found where. Findings are kept as offsets, each row's with the offset the
 * row had then, so that a row an edit moved reports the same findings, moved.
 */
export interface KeptValidation {
  readonly settings: Settings;
  readonly delimiter: Delimiter;
  readonly header: Header;
  /** Every record, blank ones before the header included; the editor replaces it after each edit. */
  records: CsvRecord[];
  readonly checks: RowChecks;
  /** What the header rules found (blank lines before the header are reported anew each time). */
  readonly head: KeptRow;
  /** The findings of each row that has any. */
  readonly rows: Map<CsvRecord, KeptRow>;
  /**
   * The rows' issues of the last report, in document order, while they hold: an edit that moves no
   * line and no row changes the issues of the rows it replaced (`replaced`, first and last data row)
   * and of no other. Undefined after any other edit.
   */
  reported?: { issues: Issue[]; replaced?: [first: number, last: number] };
}

export interface KeptRow {
  /** The record's offset when its findings were made; they move with it. */
  offset: number;
  findings: readonly Finding[];
  /** The issues last made of the findings, and the line and row number they were made at. */
  made?: { issues: Issue[]; line: number; row: number };
}

/** Kept for a blank row, whose finding is made again each time. */
const BLANK_ROW: KeptRow = { offset: 0, findings: [] };

/** Checks a row, read with the file or added by an edit, and keeps what it finds. */
export function keepFindings(kept: KeptValidation, record: CsvRecord, ctx: RuleContext): void {
  // How a blank row's fix removes it depends on the line break after it and on whether a record
  // follows it, which no record holds: it is found anew each time.
  if (isBlankRecord(record)) {
    kept.rows.set(record, BLANK_ROW);
    return;
  }
  const findings: Finding[] = [];
  ctx.recording = findings;
  kept.checks.add(record, ctx);
  ctx.recording = undefined;
  if (findings.length > 0) kept.rows.set(record, { offset: record.offset, findings });
  release(record, kept.header.names.length);
}

/** Takes back a row an edit removed; `before` is the text the record was read from. */
export function forgetFindings(kept: KeptValidation, record: CsvRecord, before: TextSource, ctx: RuleContext): void {
  kept.checks.remove(record, valuesOf(record, before, kept.delimiter), ctx);
  kept.rows.delete(record);
}

/**
 * The validation of `text` from what is kept: its findings, moved with their rows, then what the rules
 * find across rows. Issues come in the order a validation from scratch reports them.
 */
export function reportKept(kept: KeptValidation, text: TextSource, lines = new LineIndex(text)): ValidationResult {
  const table = newTable(text, false, kept.delimiter, lines);
  const headerIndex = kept.header.record.index;
  table.header = kept.header;
  table.rows = kept.records.slice(headerIndex + 1);
  table.counts = { ...kept.checks.counts };
  table.dataRows = kept.checks.dataRows;
  const head = new RuleContext(table, kept.settings);
  // How a blank row's fix removes it depends on the line break after it, which no record holds.
  for (const record of kept.records.slice(0, headerIndex)) reportBlankRow(record, undefined, head);
  // The header moves when a blank line before it gets a longer line break.
  for (const finding of kept.head.findings) head.report(movedFinding(finding, kept.header.record.offset - kept.head.offset, 0));
  const rows = rowsIssues(table, kept);
  kept.reported = rows.every((issue) => issue.row !== undefined) ? { issues: rows } : undefined;
  // Rows lie after the header and after one another: their issues, each row's in order, are in order.
  const issues = head.issues.length === 0 ? rows : sortIssues(head.issues).concat(rows);
  const across = new RuleContext(table, kept.settings);
  kept.checks.end(across);
  return { table, issues: merged(issues, sortIssues(across.issues)) };
}

/**
 * Every row's issues, in document order. After an edit that moved no line and no row, those of the
 * last report with the replaced rows' own spliced in: on a file with an issue on every row, walking
 * all of them again was most of a keystroke.
 */
function rowsIssues(table: Table, kept: KeptValidation): Issue[] {
  const headerIndex = kept.header.record.index;
  const replaced = kept.reported?.replaced;
  if (kept.reported && replaced) {
    const last = kept.reported.issues;
    const [first, final] = replaced;
    const fresh: Issue[] = [];
    for (let number = first; number <= final; number++) {
      const record = kept.records[headerIndex + number];
      const row = record && kept.rows.get(record);
      if (record && row) for (const issue of rowIssues(table, kept, record, row)) fresh.push(issue);
    }
    // In place: the last result's issues are only valid until this update (`CsvDocument.result`).
    const from = firstFrom(last, first);
    last.splice(from, firstFrom(last, final + 1) - from, ...fresh);
    return last;
  }
  if (kept.reported) return kept.reported.issues;
  const issues: Issue[] = [];
  forEachRow(kept, (record, row) => {
    for (const issue of rowIssues(table, kept, record, row)) issues.push(issue);
  });
  return issues;
}

/** The index of the first issue on row `row` or after it, in issues that each name their row, in order. */
function firstFrom(issues: readonly Issue[], row: number): number {
  let low = 0;
  let high = issues.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (((issues[mid] as Issue).row as number) < row) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Calls `each` for the rows that have findings, in document order. */
function forEachRow(kept: KeptValidation, each: (record: CsvRecord, row: KeptRow) => void): void {
  // Sorting a few is cheaper than walking every record; walking is cheaper than sorting most of them.
  if (kept.rows.size * 4 < kept.records.length) {
    for (const [record, row] of [...kept.rows].sort(([a], [b]) => a.index - b.index)) each(record, row);
    return;
  }
  for (const record of kept.records) {
    const row = kept.rows.get(record);
    if (row) each(record, row);
  }
}

/**
 * A row's issues. Those made last time are kept with the line and row number they were made at: a
 * row an edit left on its line is reported as it was, and one moved to another line is moved, without
 * placing every finding again. In a file where every row has an issue, that is the keystroke's cost.
 */
function rowIssues(table: Table, kept: KeptValidation, record: CsvRecord, row: KeptRow): readonly Issue[] {
  const number = record.index - kept.header.record.index;
  if (row === BLANK_ROW) {
    const ctx = new RuleContext(table, kept.settings);
    reportBlankRow(record, number, ctx);
    return ctx.issues;
  }
  // A record starts a line, so its issues' characters stay where they are when it moves.
  const line = table.lines.positionAt(record.offset).line;
  const made = row.made;
  if (made?.line === line && made.row === number) return made.issues;
  let issues: Issue[];
  if (made) issues = made.issues.map((issue) => movedIssue(issue, line - made.line, number));
  else {
    const ctx = new RuleContext(table, kept.settings);
    for (const finding of row.findings) ctx.report(movedFinding(finding, record.offset - row.offset, number));
    issues = sortIssues(ctx.issues);
  }
  row.made = { issues, line, row: number };
  return issues;
}

function movedIssue(issue: Issue, lines: number, row: number): Issue {
  const move = (range: Range): Range => ({ start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } });
  return {
    ...issue,
    range: move(issue.range),
    ...(issue.row !== undefined ? { row } : {}),
    ...(issue.fixes ? { fixes: issue.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: move(edit.range) })) })) } : {}),
    ...(issue.related ? { related: issue.related.map((related) => ({ ...related, range: move(related.range) })) } : {}),
  };
}

/** Two lists in document order as one; at one place, `first`'s issues come first. */
function merged(first: readonly Issue[], second: readonly Issue[]): Issue[] {
  if (second.length === 0) return first as Issue[];
  const out: Issue[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (a && (!b || a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character <= b.range.start.character))) {
      out.push(a);
      i++;
    } else if (b) {
      out.push(b);
      j++;
    }
  }
  return out;
}

/** Whether `text`, the text after an edit, can still be validated from what is kept. */
export function canKeep(kept: KeptValidation, text: TextSource): boolean {
  return text.charCodeAt(0) !== 0xfeff && utf8Length(text, kept.settings.maxFileBytes) <= kept.settings.maxFileBytes && sniffDelimiter(text, 0) === kept.delimiter;
}
