import type { Issue, Table } from '@numbers-csv/shared';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node.js';
import type { RuleLinks } from './rules-documentation.js';
import { toClientRange } from './positions.js';

/** `Diagnostic.source` of everything this server publishes; code actions answer only for these. */
export const SOURCE = 'numbers-csv';

const SEVERITY: Record<Issue['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const ORDER: readonly Issue['severity'][] = ['error', 'warning', 'info'];

/**
 * The issues to publish, at most `max`: errors first, then warnings, then info, each in document
 * order (the core's order). A file with 100,000 warnings still shows its one error.
 */
export function selectIssues(issues: readonly Issue[], max: number): Issue[] {
  const selected: Issue[] = [];
  for (const severity of ORDER) {
    for (const issue of issues) {
      if (selected.length >= max) return selected;
      if (issue.severity === severity) selected.push(issue);
    }
  }
  return selected;
}

export function toDiagnostic(issue: Issue, uri: string, table: Table, links: RuleLinks): Diagnostic {
  const href = links.get(issue.code);
  return {
    range: toClientRange(issue.range, table),
    severity: SEVERITY[issue.severity],
    code: issue.code,
    source: SOURCE,
    message: issue.message,
    ...(href ? { codeDescription: { href } } : {}),
    ...(issue.related && issue.related.length > 0
      ? { relatedInformation: issue.related.map((related) => ({ location: { uri, range: toClientRange(related.range, table) }, message: related.message })) }
      : {}),
  };
}

export function toDiagnostics(issues: readonly Issue[], uri: string, table: Table, links: RuleLinks, max: number): Diagnostic[] {
  return selectIssues(issues, max).map((issue) => toDiagnostic(issue, uri, table, links));
}

/** Whether a diagnostic the client sends back (in a code action request) is this issue's. */
export function isDiagnosticOf(diagnostic: Diagnostic, issue: Issue, table: Table): boolean {
  if (diagnostic.source !== SOURCE || diagnostic.code !== issue.code) return false;
  const range = toClientRange(issue.range, table);
  return samePosition(diagnostic.range.start, range.start) && samePosition(diagnostic.range.end, range.end);
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
