import {
  NumbersApiError,
  OutcomeUnknownError,
  liveSnapshot,
  reconcile,
  type ApplyResponse,
  type NumbersApiClient,
  type Plan,
  type Reconciliation,
} from '@numbers-csv/shared';
import type { BatchState } from '../store/types.js';
import { stateOfAnswer, stateOfReconciliation } from './outcome.js';

/** How an apply ended, and the state it leaves the batch in. */
export type ApplyEnd =
  | { kind: 'answered'; state: BatchState; response: ApplyResponse }
  /** The answer never came, or came in a shape we do not know: the export says what ran. */
  | { kind: 'reconciled'; state: BatchState; reconciliation: Reconciliation; why: string }
  /** Nothing ran: the platform refused the file, or the request never left. */
  | { kind: 'refused'; state: 'failed'; why: string };

/**
 * Uploads a batch once. The client never resends an upload that may have run; when the outcome is
 * unknown, the export is read again and compared with the plan the batch was approved with.
 */
export async function applyOnce(numbers: NumbersApiClient, csv: string, approvedPlan: Plan, filename: string): Promise<ApplyEnd> {
  try {
    const outcome = await numbers.applyCsv(csv, { filename });
    if (outcome.kind === 'answered') return { kind: 'answered', state: stateOfAnswer(outcome.response), response: outcome.response };
    return reconciled(numbers, csv, approvedPlan, `The platform answered ${outcome.status}, in a shape the bot does not know.`);
  } catch (error) {
    if (error instanceof OutcomeUnknownError) return reconciled(numbers, csv, approvedPlan, error.message);
    if (error instanceof NumbersApiError) return { kind: 'refused', state: 'failed', why: error.message };
    throw error;
  }
}

/** What the export shows of a batch that may have run: never a second upload. */
export async function reconciled(numbers: NumbersApiClient, csv: string, approvedPlan: Plan, why: string): Promise<ApplyEnd> {
  const reconciliation = reconcile(approvedPlan, await liveSnapshot(numbers, csv));
  return { kind: 'reconciled', state: stateOfReconciliation(reconciliation), reconciliation, why };
}
