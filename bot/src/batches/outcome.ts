import type { ApplyResponse, Reconciliation } from '@numbers-csv/shared';
import type { BatchState } from '../store/types.js';

/** Where an apply that was answered leaves the batch. */
export function stateOfAnswer(response: ApplyResponse): BatchState {
  const { ok, failed } = response.summary;
  if (failed === 0) return 'applied';
  return ok === 0 ? 'failed' : 'partially-applied';
}

/** Where a reconciled apply leaves the batch: unknown while any row is unclear. */
export function stateOfReconciliation(reconciliation: Reconciliation): BatchState {
  const { applied, unclear } = reconciliation.summary;
  const notApplied = reconciliation.summary['not-applied'];
  if (unclear > 0) return 'outcome-unknown';
  if (notApplied === 0) return 'applied';
  return applied === 0 ? 'failed' : 'partially-applied';
}
