import type { Issue } from './issue.js';
import { isKnownColumn, type ColumnName } from './domain/columns.js';
import { zeroCounts } from './domain/operations.js';
import { readRecords, type ReadResult } from './parse/read-records.js';
import { sniffDelimiter, sniffLineBreak } from './parse/sniff.js';
import { isBlankRecord, reportBlankRow } from './rules/blank-row.js';
import { RuleContext, movedFinding, type Finding } from './rules/context.js';
import { RowChecks } from './rules/row-checks.js';
import { reportWrongDelimiter } from './rules/wrong-delimiter.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import type { CsvRecord, Delimiter, Header, Table } from './table.js';
import { LineIndex } from './text/line-index.js';

/**
 * Live data for the rules that need it (what each row will really do, who may approve). No rule reads
 * it yet: those rules come with the numbers API client, and offline validation never needs them.
 */
export interface ValidationContext {
  /** Groups in which the user holds the OWNER role. */
  ownedGroups?: readonly string[];
}

export interface ValidationResult {
  table: Table;
  /** In document order. */
  issues: Issue[];
}

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

/**
 * Reads a numbers CSV and reports every mistake in it. Pure: text and settings in, the table and
 * its issues out. Never throws on any text.
 */
export function validate(source: string, settings: Settings = DEFAULT_SETTINGS, _context?: ValidationContext): ValidationResult {
  return validateRead(source, settings, (text, delimiter) => readRecords(text, 0, delimiter)).result;
}

/**
 * Validates with the records `read(text, delimiter)` gives for the text without its byte order mark;
 * it must give what `readRecords(text, 0, delimiter)` would. With `keep`, also returns what an editor
 * needs to validate the next edit from (none for a file that has no rows to check, empty or too large;
 * nor for one with a quote mistake, which the next edit may move anywhere, or not separated by commas).
 */
export function validateRead(
  source: string,
  settings: Settings,
  read: (text: string, delimiter: Delimiter) => ReadResult,
  keep = false,
): { result: ValidationResult; kept?: KeptValidation } {
  // Editors hide the byte order mark and count columns without it; so do all positions here.
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const table = newTable(text, bom, sniffDelimiter(text, 0));
  const ctx = new RuleContext(table, settings);
  if (utf8Length(text, settings.maxFileBytes) > settings.maxFileBytes) {
    reportTooLarge(ctx);
    return { result: { table, issues: ctx.issues } };
  }

  const { records, findings } = read(text, table.delimiter);
  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  const headerRecord = records[headerIndex];
  if (!headerRecord) {
    ctx.report({ code: 'empty-file', message: 'The file is empty. Start with a header such as NUMBER,OPERATION.', start: 0, end: text.length });
    return { result: { table, issues: ctx.issues } };
  }
  // Another separator's finding rewrites the whole file: it cannot be kept across edits.
  const keeping = keep && !bom && findings.length === 0 && table.delimiter === ',';
  const all = keeping ? records.slice() : [];
  for (const finding of findings) ctx.report({ ...finding, ...(finding.record > headerIndex ? { row: finding.record - headerIndex } : {}) });
  reportWrongDelimiter(table, records, findings.length === 0, ctx);

  const header = readHeader(headerRecord);
  table.header = header;
  // The records become the rows in place: a copy of 100,000 entries would only add to what the collector scans.
  const beforeHeader = records.splice(0, headerIndex + 1);
  table.rows = records;
  if (!keeping) for (const record of beforeHeader.slice(0, headerIndex)) reportBlankRow(record, undefined, ctx);
  const head: Finding[] = [];
  if (keeping) ctx.recording = head;
  const checks = new RowChecks(header, ctx);
  if (!keeping) {
    for (const record of table.rows) checks.add(record, ctx);
    checks.end(ctx);
    table.counts = checks.counts;
    table.dataRows = checks.dataRows;
    return { result: { table, issues: sortIssues(ctx.issues) } };
  }

  const kept: KeptValidation = { settings, delimiter: table.delimiter, header, records: all, checks, head: { offset: headerRecord.offset, findings: head }, rows: new Map() };
  for (const record of table.rows) keepFindings(kept, record, ctx);
  ctx.recording = undefined;
  return { result: reportKept(kept, text), kept };
}

/** Checks a row an edit added, and keeps what it finds. */
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
export function reportKept(kept: KeptValidation, text: string, lines = new LineIndex(text)): ValidationResult {
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
export function canKeep(kept: KeptValidation, text: string): boolean {
  return text.charCodeAt(0) !== 0xfeff && utf8Length(text, kept.settings.maxFileBytes) <= kept.settings.maxFileBytes && sniffDelimiter(text, 0) === kept.delimiter;
}

/** A table of `text` with nothing read yet. */
export function newTable(text: string, bom: boolean, delimiter: Delimiter, lines = new LineIndex(text)): Table {
  return { text, lines, bom, delimiter, lineBreak: sniffLineBreak(text), header: undefined, rows: [], dataRows: 0, counts: zeroCounts() };
}

/** Larger files are refused before they are read, so that one upload cannot exhaust memory. */
export function reportTooLarge(ctx: RuleContext): void {
  const cap = ctx.settings.maxFileBytes;
  ctx.report({ code: 'file-too-large', message: `The file is larger than ${formatBytes(cap)}, the configured cap. Split it, or raise maxFileBytes.`, start: 0, end: 0 });
}

/** UTF-8 length of the text, exact up to `cap`; far below it, the character count is proof enough. */
function utf8Length(text: string, cap: number): number {
  if (text.length > cap || text.length * 3 <= cap) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function readHeader(record: CsvRecord): Header {
  const names = record.values.map((name) => name.trim());
  const columns: Partial<Record<ColumnName, number>> = {};
  names.forEach((name, index) => {
    if (isKnownColumn(name) && columns[name] === undefined) columns[name] = index;
  });
  return { record, names, columns };
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
