import type { Issue } from './issue.js';
import type { Snapshot } from './plan/snapshot.js';
import type { LiveData } from './rules/live/live-data.js';
import { newTable, readHeader, sortIssues } from './new-table.js';
import type { ReadFinding } from './parse/findings.js';
import { readRecords } from './parse/read-records.js';
import { sniffDelimiter } from './parse/sniff.js';
import { isBlankRecord, reportBlankRow } from './rules/blank-row.js';
import { RuleContext } from './rules/context.js';
import { RowChecks } from './rules/row-checks.js';
import { reportWrongDelimiter } from './rules/wrong-delimiter.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import type { CsvRecord, Table } from './table.js';
import { utf8Length } from './text/utf8-length.js';

/**
 * Live data for the context rules (what each row will really do against the platform, who may apply
 * it). They run only when a snapshot is given; offline validation never needs one.
 */
export interface ValidationContext {
  /** The live numbers, read from the platform's export with `readSnapshot`. */
  snapshot?: Snapshot;
  /** Groups in which the user holds the OWNER role; checked only when given, and with a snapshot. */
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
export function validate(source: string, settings: Settings = DEFAULT_SETTINGS, context?: ValidationContext): ValidationResult {
  const started = startValidation(source, settings, liveData(context));
  if ('done' in started) return started.done;
  const { records, findings } = readRecords(started.text, 0, started.table.delimiter);
  return validateRecords(started, records, findings);
}

/** A validation under way: the text without its byte order mark, its table, and where issues go. */
export interface Started {
  text: string;
  table: Table;
  ctx: RuleContext;
}

/** The table of `source` with nothing read yet; or the whole validation, for a file too large to read. */
export function startValidation(source: string, settings: Settings, live?: LiveData): Started | { done: ValidationResult } {
  // Editors hide the byte order mark and count columns without it; so do all positions here.
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const table = newTable(text, bom, sniffDelimiter(text, 0));
  const ctx = new RuleContext(table, settings, live);
  if (utf8Length(text, settings.maxFileBytes) > settings.maxFileBytes) {
    reportTooLarge(ctx);
    return { done: { table, issues: ctx.issues } };
  }
  return { text, table, ctx };
}

/** Validates the records read from a started validation's text, with what reading them found. */
export function validateRecords({ text, table, ctx }: Started, records: CsvRecord[], findings: readonly ReadFinding[]): ValidationResult {
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
  const checks = new RowChecks(header, ctx);
  for (const record of table.rows) checks.add(record, ctx);
  checks.end(ctx);
  table.counts = checks.counts;
  table.dataRows = checks.dataRows;
  return { table, issues: sortIssues(ctx.issues) };
}

/** The live data context rules read; none without a snapshot, since every context rule needs one. */
function liveData(context: ValidationContext | undefined): LiveData | undefined {
  if (context?.snapshot === undefined) return undefined;
  return context.ownedGroups === undefined ? { snapshot: context.snapshot } : { snapshot: context.snapshot, ownedGroups: context.ownedGroups };
}

/** Larger files are refused before they are read, so that one upload cannot exhaust memory. */
export function reportTooLarge(ctx: RuleContext): void {
  const cap = ctx.settings.maxFileBytes;
  ctx.report({ code: 'file-too-large', message: `The file is larger than ${formatBytes(cap)}, the configured cap. Split it, or raise maxFileBytes.`, start: 0, end: 0 });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
