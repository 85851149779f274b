import { CsvError } from 'csv-parse/sync';
import { OPERATIONS, REQUIRED_COLUMNS, type ColumnName, type ErrorBody, type Operation } from '@numbers-csv/shared';
import { readCsv } from './csv.js';

export type Reason = NonNullable<ErrorBody['reasons']>[number];

export interface OperationRow {
  /** 1-based data row, the header not counted. */
  row: number;
  operation: Operation;
  /** The row's trimmed value in a column; empty when the file has no such column. */
  value(column: ColumnName): string;
}

export type FileReading = { ok: true; rows: OperationRow[] } | { ok: false; reasons: Reason[] };

/** A file with thousands of broken rows gets a readable answer rather than thousands of reasons. */
const MAX_REASONS = 100;

/**
 * Checks an operations file as a whole and reads its rows. Any reason refuses the whole file: the
 * platform runs no row of a file it cannot read.
 */
export function readOperationsFile(text: string): FileReading {
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, reasons: [notCsv(error)] };
  }
  const [header, ...data] = records;
  if (header === undefined || header.every((name) => name.trim() === '')) {
    return { ok: false, reasons: [{ message: 'The file is empty: it needs a header line and rows.' }] };
  }
  const reasons: Reason[] = [];
  const columns = columnIndex(header, reasons);
  const operationAt = columns.get('OPERATION');
  if (operationAt === undefined) {
    reasons.push({ column: 'OPERATION', message: `The file has no OPERATION column; add one naming ${OPERATIONS.join(', ')} on each row.` });
    return { ok: false, reasons };
  }
  const numberAt = columns.get('NUMBER');
  const rows: OperationRow[] = [];
  const present = new Set<Operation>();
  data.forEach((values, index) => {
    const row = index + 1;
    if (values.every((value) => value.trim() === '')) {
      reasons.push({ row, message: `Row ${row} is blank; remove it.` });
      return;
    }
    if (values.length !== header.length) {
      reasons.push({ row, message: `Row ${row} has ${fields(values.length)}; the header has ${fields(header.length)}.` });
      return;
    }
    const cell = (at: number | undefined): string => (at === undefined ? '' : (values[at] ?? '').trim());
    const operation = cell(operationAt);
    if (cell(numberAt) === '') reasons.push({ row, column: 'NUMBER', message: `Row ${row} has no NUMBER.` });
    if (operation === '') {
      reasons.push({ row, column: 'OPERATION', message: `Row ${row} has no OPERATION.` });
    } else if (!isOperation(operation)) {
      reasons.push({ row, column: 'OPERATION', message: `Row ${row}: unknown operation "${operation}"; use one of ${OPERATIONS.join(', ')}.` });
    } else {
      present.add(operation);
      rows.push({ row, operation, value: (column) => cell(columns.get(column)) });
    }
  });
  for (const operation of OPERATIONS) {
    if (!present.has(operation)) continue;
    for (const column of REQUIRED_COLUMNS[operation]) {
      if (!columns.has(column)) reasons.push({ column, message: `${operation} rows need a ${column} column; the file has none.` });
    }
  }
  if (reasons.length > 0) return { ok: false, reasons: capped(reasons) };
  return { ok: true, rows };
}

/** Where each column is; a repeated column is a reason, since the platform could read either copy. */
function columnIndex(header: readonly string[], reasons: Reason[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((raw, at) => {
    const name = raw.trim();
    if (name === '') return;
    if (columns.has(name)) reasons.push({ column: name, message: `The column ${name} appears more than once; keep one.` });
    else columns.set(name, at);
  });
  return columns;
}

function notCsv(error: CsvError): Reason {
  // csv-parse counts the header among complete records, so the record it stopped in is that data row.
  const row = typeof error.records === 'number' && error.records > 0 ? error.records : undefined;
  return { ...(row !== undefined ? { row } : {}), message: `The file is not readable CSV: ${error.message}` };
}

function capped(reasons: Reason[]): Reason[] {
  if (reasons.length <= MAX_REASONS) return reasons;
  return [...reasons.slice(0, MAX_REASONS), { message: `... and ${reasons.length - MAX_REASONS} more reasons.` }];
}

function fields(count: number): string {
  return count === 1 ? '1 field' : `${count} fields`;
}

/** The platform matches operations exactly: `create` is not `Create`. */
function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}
