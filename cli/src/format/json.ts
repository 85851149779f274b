import type { Encoding, Issue, OperationCounts, Severity } from '@numbers-csv/shared';
import { regionOf, type Locate } from '../positions.js';
import type { FileReport } from '../report.js';

export interface JsonIssue {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based; the end column is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 1-based data row (the header not counted); null when the issue belongs to no row. */
  row: number | null;
  /** The column name; null when the issue belongs to no column. */
  field: string | null;
}

export interface JsonFile {
  path: string;
  encoding: Encoding;
  /** Data rows holding any value, whatever their operation. */
  rows: number;
  counts: OperationCounts;
  issues: JsonIssue[];
}

export interface JsonReport {
  files: JsonFile[];
}

export function jsonIssue(issue: Issue, locate: Locate): JsonIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...regionOf(issue.range, locate),
    row: issue.row ?? null,
    field: issue.column ?? null,
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  const document: JsonReport = {
    files: reports.map((report) => ({
      path: report.path,
      encoding: report.encoding,
      rows: report.rows,
      counts: report.counts,
      issues: report.issues.map((issue) => jsonIssue(issue, report.locate)),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
