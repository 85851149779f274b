import type { IssueCode } from '../catalogue.js';
import type { Operation } from '../domain/operations.js';
import type { Issue } from '../issue.js';
import type { Settings } from '../settings.js';

/**
 * Problems for which the platform refuses the file as a whole, so that no row runs
 * (docs/numbers-api.md, "Refusals"): 400 for a missing OPERATION or required column and an unknown
 * operation, 403 for a group the caller does not own, 422 for a limit.
 */
const FILE_REFUSALS: readonly IssueCode[] = ['missing-operation-column', 'missing-column', 'unknown-operation', 'limit-exceeded', 'group-not-owned'];

/** Problems for which the platform fails the row itself ("What a row does", "fails when"). */
const ROW_FAILURES: readonly IssueCode[] = ['number-not-found', 'number-exists', 'set-group-mismatch'];

/**
 * The settings a plan validates with: a user may lower a code's severity to quieten a tool, but the
 * platform refuses and fails what it does whatever the settings say, and a plan predicts the platform.
 */
export function withPlatformSeverities(settings: Settings): Settings {
  const severity = { ...settings.severity };
  for (const code of [...FILE_REFUSALS, ...ROW_FAILURES]) severity[code] = 'error';
  return { ...settings, severity };
}

/**
 * Whether an issue stops the whole file: an error of the file rather than of a row (the header, the
 * structure, a limit, a group), or one in the OPERATION of a row that names no operation, which the
 * platform refuses as an unknown operation.
 */
export function blocksFile(issue: Issue, operationOf: (row: number) => Operation | undefined): boolean {
  if (issue.severity !== 'error') return false;
  if (issue.row === undefined || FILE_REFUSALS.includes(issue.code)) return true;
  return issue.column === 'OPERATION' && operationOf(issue.row) === undefined;
}
