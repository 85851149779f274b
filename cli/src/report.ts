import type { BytesValidationResult, Encoding, Issue, OperationCounts, Settings, Severity } from '@numbers-csv/shared';
import { locate, type Locate } from './positions.js';

/** What the formats need to know about one checked file; the table itself is not kept. */
export interface FileReport {
  /** As the user wrote it (or `<stdin>`). */
  path: string;
  stdin: boolean;
  encoding: Encoding;
  rows: number;
  counts: OperationCounts;
  limits: Settings['limits'];
  issues: Issue[];
  locate: Locate;
}

export function fileReport(path: string, stdin: boolean, result: BytesValidationResult, settings: Settings): FileReport {
  return {
    path,
    stdin,
    encoding: result.encoding,
    rows: result.table.dataRows,
    counts: { ...result.table.counts },
    limits: settings.limits,
    issues: result.issues,
    locate,
  };
}

export function countSeverities(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
