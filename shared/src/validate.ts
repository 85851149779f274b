import type { Issue } from './issue.js';
import { isKnownColumn, type ColumnName } from './domain/columns.js';
import { operationNamed, zeroCounts } from './domain/operations.js';
import { readRecords, type ReadResult } from './parse/read-records.js';
import { sniffDelimiter, sniffLineBreak } from './parse/sniff.js';
import { isBlankRecord, reportBlankRow } from './rules/blank-row.js';
import { RuleContext, movedFinding, type Finding } from './rules/context.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/rule.js';
import { Row } from './rules/row.js';
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
 * Reads a numbers CSV and reports every mistake in it. Pure: text and settings in, the table and
 * its issues out. Never throws on any text.
 */
export function validate(source: string, settings: Settings = DEFAULT_SETTINGS, _context?: ValidationContext): ValidationResult {
  return validateRead(source, settings, (text, delimiter) => readRecords(text, 0, delimiter));
}

/**
 * Reads the records and validates a text that has no byte order mark
 * (`read(text, delimiter)`), e.g. records an editor kept from the last validation, with only what
 * an edit touched read again. It must return what `readRecords(text, 0, delimiter)` would, and
 * hand over its array: the array becomes the table's rows.
 */
export function validateRead(source: string, settings: Settings, read: (text: string, delimiter: Delimiter) => ReadResult, kept?: KeptFindings): ValidationResult {
  // Editors hide the byte order mark and count columns without it; so do all positions here.
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const table: Table = {
    text,
    lines: new LineIndex(text),
    bom,
    delimiter: sniffDelimiter(text, 0),
    lineBreak: sniffLineBreak(text),
    header: undefined,
    rows: [],
    counts: zeroCounts(),
  };
  const ctx = new RuleContext(table, settings);
  if (utf8Length(text, settings.maxFileBytes) > settings.maxFileBytes) {
    reportTooLarge(ctx);
    return { table, issues: ctx.issues };
  }

  const { records, findings } = read(text, table.delimiter);
  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  const headerRecord = records[headerIndex];
  if (!headerRecord) {
    ctx.report({ code: 'empty-file', message: 'The file is empty. Start with a header such as NUMBER,OPERATION.', start: 0, end: text.length });
    return { table, issues: ctx.issues };
  }
  for (const finding of findings) ctx.report({ ...finding, ...(finding.record > headerIndex ? { row: finding.record - headerIndex } : {}) });
  reportWrongDelimiter(table, records, findings.length === 0, ctx);

  const header = readHeader(headerRecord);
  table.header = header;
  // The records become the rows in place: a copy of 100,000 entries would only add to what the collector scans.
  const beforeHeader = records.splice(0, headerIndex + 1);
  table.rows = records;
  for (const record of beforeHeader.slice(0, headerIndex)) reportBlankRow(record, undefined, ctx);

  const rules = RULES.map((create) => create());
  for (const rule of rules) rule.header?.(ctx);
  // The row checks themselves, not the rules: calling `rule.row` on ten rules of ten shapes makes the
  // property read megamorphic, a slow look-up on each of a million calls.
  const rowChecks = (local: boolean) => rules.flatMap((rule) => (rule.row && (rule.local ?? false) === local ? [rule.row.bind(rule)] : []));
  const localChecks = rowChecks(true);
  const keep = kept ? new Map<CsvRecord, KeptRow>() : undefined;
  const otherChecks = rowChecks(false);
  const operationIndex = header.columns.OPERATION;
  const before = kept?.header && sameRecord(kept.header, headerRecord) && kept.settings === settings ? kept.rows : undefined;
  // A new map each time, so that rows an edit replaced are not kept.
  for (const record of table.rows) {
    if (isBlankRecord(record)) {
      reportBlankRow(record, record.index - headerIndex, ctx);
      continue;
    }
    const operation = operationIndex === undefined ? undefined : operationNamed(record.values[operationIndex] ?? '');
    if (operation) table.counts[operation]++;
    const row = new Row(record, header, operation);
    const known = before?.get(record);
    if (known) {
      for (const finding of known.findings) ctx.report(movedFinding(finding, record.offset - known.offset, row.number));
      keep?.set(record, known);
    } else {
      if (keep) ctx.recording = [];
      for (const check of localChecks) check(row, ctx);
      // Most rows have no finding; they share one empty list.
      if (ctx.recording) keep?.set(record, { offset: record.offset, findings: ctx.recording.length > 0 ? ctx.recording : NO_FINDINGS });
      ctx.recording = undefined;
    }
    for (const check of otherChecks) check(row, ctx);
  }
  if (kept && keep) Object.assign(kept, { header: headerRecord, settings, rows: keep });
  for (const rule of rules) rule.end?.(ctx);
  return { table, issues: sortIssues(ctx.issues) };
}

/**
 * What the local rules found on each row of the last validation, for an editor to report again on
 * the rows an edit left alone. Valid while the header record and the settings are the same objects.
 */
export interface KeptFindings {
  header?: CsvRecord;
  settings?: Settings;
  rows: Map<CsvRecord, KeptRow>;
}

const NO_FINDINGS: readonly Finding[] = [];

interface KeptRow {
  /** The record's offset when its findings were made; they move with it. */
  offset: number;
  findings: readonly Finding[];
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

function sameRecord(a: CsvRecord, b: CsvRecord): boolean {
  return a.index === b.index && a.values.length === b.values.length && a.values.every((value, i) => value === b.values[i]);
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
