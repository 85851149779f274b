/*
 * Plans against live data: read the platform's export as a snapshot, say what each row of a batch
 * will do, and after an apply whose answer was lost, which rows took effect.
 */
export { readSnapshot, SnapshotReadError, type ReadSnapshotOptions } from './read-snapshot.js';
export { Snapshot, type ExportColumn, type LiveNumber, type LiveValues, type MiniApp, type NumberState } from './snapshot.js';
export { numbersInBatch } from './numbers-in-batch.js';
export { EFFECT_WORDS } from './effect-words.js';
export { plan, EFFECTS, type Effect, type Plan, type PlanOptions, type PlannedRow, type PlanSummary } from './plan.js';
export type { Change } from './changes.js';
export { reconcile, type Outcome, type ReconciledRow, type Reconciliation } from './reconcile.js';
