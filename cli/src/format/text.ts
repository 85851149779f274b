import { OPERATIONS, type Encoding, type Issue, type OperationCounts, type Settings } from '@numbers-csv/shared';
import type { Locate } from '../positions.js';
import { countSeverities, type FileReport } from '../report.js';
import { plain, type Paint } from './colour.js';

/** `path:line:column: severity: message [code]`, as compilers write it, so that editors can jump to it. */
export function issueLine(path: string, issue: Issue, locate: Locate, paint: Paint = plain): string {
  const { line, column } = locate(issue.range.start);
  return `${path}:${line}:${column}: ${paint(issue.severity, issue.severity)}: ${issue.message} [${issue.code}]`;
}

export function issueLines(path: string, issues: readonly Issue[], locate: Locate, paint: Paint = plain): string {
  return issues.map((issue) => `${issueLine(path, issue, locate, paint)}\n`).join('');
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8 with BOM',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
};

export function encodingName(encoding: Encoding): string {
  return ENCODING_NAMES[encoding];
}

/** `Create 2/100, Update 5/800, ...`; a count over its limit stands out when colour is on. */
export function countsAgainstLimits(counts: OperationCounts, limits: Settings['limits'], paint: Paint = plain): string {
  return OPERATIONS.map((operation) => {
    const text = `${operation} ${counts[operation]}/${limits[operation]}`;
    return counts[operation] > limits[operation] ? paint('error', text) : text;
  }).join(', ');
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** `examples/mixed.csv: 12 rows — Create 2/100, ... — 0 errors, 2 warnings`. */
export function summaryLine(report: FileReport, paint: Paint = plain): string {
  const severities = countSeverities(report.issues);
  const found = [plural(severities.error, 'error'), plural(severities.warning, 'warning')];
  if (severities.info > 0) found.push(plural(severities.info, 'info'));
  const encoding = report.encoding === 'utf-8' ? '' : `, ${encodingName(report.encoding)}`;
  const verdict = severities.error > 0 ? paint('error', found.join(', ')) : found.join(', ');
  return `${paint('strong', report.path)}: ${plural(report.rows, 'row')}${encoding} — ${countsAgainstLimits(report.counts, report.limits, paint)} — ${verdict}`;
}

export function formatText(reports: readonly FileReport[], paint: Paint = plain): string {
  return reports.map((report) => issueLines(report.path, report.issues, report.locate, paint) + `${summaryLine(report, paint)}\n`).join('');
}
