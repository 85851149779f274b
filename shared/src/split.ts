import { OPERATIONS, operationNamed, zeroCounts, type Operation, type OperationCounts } from './domain/operations.js';
import type { Issue } from './issue.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import type { CsvRecord } from './table.js';
import { validate } from './validate.js';

export interface SplitPart {
  text: string;
  counts: OperationCounts;
}

export type SplitResult =
  | { ok: true; parts: SplitPart[] }
  /** Nothing is split: `reason` says why and what to do, `issues` are the errors in the way. */
  | { ok: false; reason: string; issues: Issue[] };

export interface SplitOptions {
  /** Deletes are split only when asked: a split Delete batch is easy to apply twice or half. */
  allowDeleteSplit?: boolean;
}

/**
 * Splits a batch into files that each respect every limit. Rows keep their order; each file gets
 * the header, and row after row goes to the first file with room for its operation. Refuses a file
 * with any error but the limits, since splitting would spread the mistakes around.
 */
export function splitByLimits(text: string, settings: Settings = DEFAULT_SETTINGS, options: SplitOptions = {}): SplitResult {
  const { table, issues } = validate(text, settings);
  const operationIndex = table.header?.columns.OPERATION;
  const operationOf = (record: CsvRecord | undefined): Operation | undefined =>
    record && operationIndex !== undefined ? operationNamed(record.values[operationIndex] ?? '') : undefined;
  const blocking = issues.filter((issue) => issue.severity === 'error' && issue.code !== 'limit-exceeded');
  if (blocking.length > 0) return { ok: false, reason: `The file has ${blocking.length} error${blocking.length > 1 ? 's' : ''} besides the limits. Fix them first (numbers-csv check shows them).`, issues: blocking };
  const header = table.header;
  if (!header) return { ok: false, reason: 'The file has no header.', issues };
  if (table.counts.Delete > settings.limits.Delete && !options.allowDeleteSplit) {
    return {
      ok: false,
      reason: `The file has ${table.counts.Delete} Delete rows and the limit is ${settings.limits.Delete}. Deletes are not split unless you ask (--allow-delete-split): review them and remove what should not go.`,
      issues: issues.filter((issue) => issue.code === 'limit-exceeded' && operationOf(table.rows[(issue.row ?? 0) - 1]) === 'Delete'),
    };
  }
  const zero = OPERATIONS.find((operation) => table.counts[operation] > 0 && settings.limits[operation] === 0);
  if (zero) return { ok: false, reason: `${zero} is not allowed here (limit 0); no split can help. Remove the ${zero} rows.`, issues: [] };

  const raw = (record: CsvRecord) => table.text.slice(record.offset, record.offset + record.length);
  const parts: { rows: string[]; counts: OperationCounts }[] = [];
  for (const record of table.rows) {
    const operation = operationOf(record);
    if (!operation) continue; // blank rows: validation allowed them, the parts leave them out
    let part = parts.find((candidate) => candidate.counts[operation] < settings.limits[operation]);
    if (!part) {
      part = { rows: [], counts: zeroCounts() };
      parts.push(part);
    }
    part.rows.push(raw(record));
    part.counts[operation]++;
  }
  const head = (table.bom ? '\ufeff' : '') + raw(header.record);
  const lineBreak = table.lineBreak;
  return { ok: true, parts: parts.map((part) => ({ text: [head, ...part.rows].join(lineBreak) + lineBreak, counts: part.counts })) };
}
