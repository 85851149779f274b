import type { Operation } from '../domain/operations.js';
import type { Change } from './changes.js';
import type { Effect, Plan, PlannedRow } from './plan.js';
import type { ExportColumn, LiveValues, Snapshot } from './snapshot.js';

/**
 * `applied`: the live data shows what the row was to do. `not-applied`: it shows the number as it was.
 * `unclear`: it cannot tell (a row that changes nothing) or shows something else (a change by someone else).
 */
export type Outcome = 'applied' | 'not-applied' | 'unclear';

export interface ReconciledRow {
  row: number;
  number: string;
  operation: Operation | undefined;
  /** What the plan said the row would do. */
  effect: Effect;
  outcome: Outcome;
  /** In words, for people: what the live data shows. */
  detail: string;
}

export interface Reconciliation {
  rows: ReconciledRow[];
  summary: Record<Outcome, number>;
}

/**
 * Which rows of a batch took effect, after an apply whose answer never came (a timeout, a dropped
 * connection): the plan made before it, compared with the export read after it. Never send the batch
 * again instead: a Create or a Delete that ran would fail the second time.
 */
export function reconcile(planBefore: Plan, after: Snapshot): Reconciliation {
  const rows = planBefore.rows.map((row) => ({ row: row.row, number: row.number, operation: row.operation, effect: row.effect, ...judge(row, after) }));
  const summary: Record<Outcome, number> = { applied: 0, 'not-applied': 0, unclear: 0 };
  for (const row of rows) summary[row.outcome]++;
  return { rows, summary };
}

function judge(row: PlannedRow, after: Snapshot): { outcome: Outcome; detail: string } {
  if (row.key === '') return { outcome: 'not-applied', detail: 'The row names no number, so nothing could change.' };
  const now = after.state(row.key);
  if (now.kind === 'unread') return { outcome: 'unclear', detail: `The export after the apply was read without ${row.number}: read it again for the batch's numbers.` };
  const values = now.kind === 'live' ? now.live.values : undefined;
  switch (row.effect) {
    case 'fail':
      return unchanged(row.before, values)
        ? { outcome: 'not-applied', detail: `Planned to fail (${row.reason?.code ?? 'refused'}), and ${row.number} is as it was.` }
        : { outcome: 'unclear', detail: `Planned to fail (${row.reason?.code ?? 'refused'}), yet ${row.number} changed: ${difference(row.before, values)}. Check it.` };
    case 'unknown':
      return { outcome: 'unclear', detail: `The plan did not know ${row.number}'s state before the apply, so the export after cannot tell.` };
    case 'no-op':
      return { outcome: 'unclear', detail: `The row changes nothing, so the export cannot tell whether it ran; nothing is left to do either way.` };
    case 'create':
      if (!values) return { outcome: 'not-applied', detail: `${row.number} does not exist.` };
      return written(row.changes, values, `${row.number} exists now, as planned.`, `${row.number} exists now`);
    case 'delete':
      return values ? { outcome: 'not-applied', detail: `${row.number} still exists.` } : { outcome: 'applied', detail: `${row.number} is gone, as planned.` };
    case 'update':
    case 'attach':
    case 'detach':
      if (!values) return { outcome: 'unclear', detail: `${row.number} no longer exists: it was deleted, by this batch or since.` };
      return changed(row, values);
  }
}

/** A Create's values: those it wrote must be there. */
function written(changes: readonly Change[], values: LiveValues, applied: string, partly: string): { outcome: Outcome; detail: string } {
  const wrong = changes.filter((change) => !change.derived && (values[change.column] ?? '') !== change.after);
  if (wrong.length === 0) return { outcome: 'applied', detail: applied };
  return { outcome: 'unclear', detail: `${partly}, but ${wrong.map((change) => `${change.column} is "${values[change.column] ?? ''}", not "${change.after}"`).join('; ')}.` };
}

/** A change to a number that stays: each field the row writes shows its value after, or before. */
function changed(row: PlannedRow, values: LiveValues): { outcome: Outcome; detail: string } {
  const own = row.changes.filter((change) => !change.derived);
  const done = own.filter((change) => (values[change.column] ?? '') === change.after);
  const notDone = own.filter((change) => (values[change.column] ?? '') === change.before);
  const columns = (changes: readonly Change[]) => changes.map((change) => change.column).join(', ');
  if (done.length === own.length) return { outcome: 'applied', detail: `${row.number} has ${columns(own)} as planned.` };
  if (notDone.length === own.length) return { outcome: 'not-applied', detail: `${row.number} still has ${columns(own)} as before.` };
  const other = own.filter((change) => !done.includes(change) && !notDone.includes(change));
  const parts = [
    done.length > 0 ? `${columns(done)} as planned` : '',
    notDone.length > 0 ? `${columns(notDone)} as before` : '',
    other.length > 0 ? other.map((change) => `${change.column} "${values[change.column] ?? ''}" (neither "${change.before}" nor "${change.after}")`).join(', ') : '',
  ].filter(Boolean);
  return { outcome: 'unclear', detail: `${row.number} has ${parts.join('; ')}. Check it.` };
}

/** Whether the number is as the plan saw it: there or not, and with the same values. */
function unchanged(before: LiveValues | undefined, now: LiveValues | undefined): boolean {
  if (before === undefined || now === undefined) return before === now;
  return differing(before, now).length === 0;
}

function differing(before: LiveValues, now: LiveValues): ExportColumn[] {
  const columns = new Set([...Object.keys(before), ...Object.keys(now)] as ExportColumn[]);
  return [...columns].filter((column) => (before[column] ?? '') !== (now[column] ?? ''));
}

function difference(before: LiveValues | undefined, now: LiveValues | undefined): string {
  if (before === undefined) return 'it exists now';
  if (now === undefined) return 'it is gone';
  return differing(before, now)
    .map((column) => `${column} "${before[column] ?? ''}" → "${now[column] ?? ''}"`)
    .join(', ');
}

