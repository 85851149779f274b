import { OPERATIONS, type StatusParams } from './status.js';

/**
 * The status bar text: problems if there are any, else the row count; then each operation over its
 * limit. `$(…)` are codicons. Example: `$(error) 3 $(warning) 1 · Update 812/800`.
 */
export function statusText(status: StatusParams, format: (value: number) => string): string {
  const problems: string[] = [];
  if (status.errors > 0) problems.push(`$(error) ${format(status.errors)}`);
  if (status.warnings > 0) problems.push(`$(warning) ${format(status.warnings)}`);
  if (problems.length === 0) problems.push(`$(check) ${format(status.rows)} ${status.rows === 1 ? 'row' : 'rows'}`);
  const overLimit = OPERATIONS.filter((operation) => status.counts[operation] > status.limits[operation]).map(
    (operation) => `${operation} ${format(status.counts[operation])}/${format(status.limits[operation])}`,
  );
  return [problems.join(' '), ...overLimit].join(' · ');
}
