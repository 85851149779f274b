import { countsSummary, type OperationCounts, type Settings } from '@numbers-csv/shared';
import { NotificationType } from 'vscode-languageserver/node.js';
import type { ServedDocument } from './documents.js';

/** What the server says about one document after each validation; the extension's status bar shows it. */
export interface StatusParams {
  uri: string;
  /** Data rows that hold a value: the header and blank rows are left out. */
  rows: number;
  errors: number;
  warnings: number;
  counts: OperationCounts;
  limits: Settings['limits'];
  /** Rows per operation against their limits, for a tooltip. */
  summary: string;
}

export const StatusNotification = new NotificationType<StatusParams>('numbersCsv/status');

/** The document is no longer served (closed, or a `csv` file that lost NUMBER or OPERATION): its status no longer holds. */
export interface DroppedParams {
  uri: string;
}

export const DroppedNotification = new NotificationType<DroppedParams>('numbersCsv/dropped');

/** Counted over every issue, not only the published ones: the status says how many there really are. */
export function status(served: ServedDocument): StatusParams {
  const { table, issues } = served.document.result;
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else if (issue.severity === 'warning') warnings++;
  }
  const settings = served.settings.core;
  return { uri: served.uri, rows: table.dataRows, errors, warnings, counts: { ...table.counts }, limits: { ...settings.limits }, summary: countsSummary(table, settings).text };
}
