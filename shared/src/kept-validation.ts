import { sniffDelimiter } from './parse/sniff.js';
import { isBlankRecord, reportBlankRow } from './rules/blank-row.js';
import { RuleContext, movedFinding, type Finding } from './rules/context.js';
import type { RowChecks } from './rules/row-checks.js';
import type { Settings } from './settings.js';
import type { CsvRecord, Delimiter, Header } from './table.js';
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
}

export interface KeptRow {
  /** The record's offset when its findings were made; they move with it. */
  offset: number;
  findings: readonly Finding[];
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
}

/** Takes back a row an edit removed. */
export function forgetFindings(kept: KeptValidation, record: CsvRecord, ctx: RuleContext): void {
  kept.checks.remove(record, ctx);
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
  const ctx = new RuleContext(table, kept.settings);
  // How a blank row's fix removes it depends on the line break after it, which no record holds.
  for (const record of kept.records.slice(0, headerIndex)) reportBlankRow(record, undefined, ctx);
  // The header moves when a blank line before it gets a longer line break.
  for (const finding of kept.head.findings) ctx.report(movedFinding(finding, kept.header.record.offset - kept.head.offset, 0));
  const rows = [...kept.rows].sort(([a], [b]) => a.index - b.index);
  for (const [record, row] of rows) {
    if (row === BLANK_ROW) reportBlankRow(record, record.index - headerIndex, ctx);
    else for (const finding of row.findings) ctx.report(movedFinding(finding, record.offset - row.offset, record.index - headerIndex));
  }
  kept.checks.end(ctx);
  return { table, issues: sortIssues(ctx.issues) };
}

/** Whether `text`, the text after an edit, can still be validated from what is kept. */
export function canKeep(kept: KeptValidation, text: TextSource): boolean {
  return text.charCodeAt(0) !== 0xfeff && utf8Length(text, kept.settings.maxFileBytes) <= kept.settings.maxFileBytes && sniffDelimiter(text, 0) === kept.delimiter;
}
