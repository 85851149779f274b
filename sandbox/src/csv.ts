import { parse } from 'csv-parse/sync';

/**
 * Every record of a CSV text, the header first, values as written (untrimmed). Empty lines are
 * records, as the core reads them, so that row numbers agree with the ones the user was shown.
 * Throws csv-parse's CsvError on a quote mistake.
 */
export function readCsv(text: string): string[][] {
  return parse(withoutBom(text), {
    relax_column_count: true,
    skip_empty_lines: false,
    // Files edited in several tools mix line ends; csv-parse alone would keep the first it meets.
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One CSV line, fields quoted as RFC 4180 does, ending with `\n`. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(quoted).join(',')}\n`;
}

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
