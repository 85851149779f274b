import { validate, type Plan } from '@numbers-csv/shared';
import type { SummaryInput } from '../blocks/summary.js';
import type { Batch } from '../store/types.js';
import type { BotDeps } from './deps.js';

/**
 * What the batch's summary shows: the file's issues (validated again, which is cheap and needs no
 * live data), the plan it was summarised or approved with, and who may approve.
 */
export function summaryInput(deps: BotDeps, batch: Batch, plan: Plan | undefined, planUnavailable?: string): SummaryInput {
  const { table, issues } = validate(batch.csv, deps.settings);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const groups = plan?.groups ?? batch.groups;
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    environment: batch.environment,
    submitter: batch.submitter,
    rows: table.dataRows,
    counts: table.counts,
    limits: deps.settings.limits,
    errors,
    warningsCount: issues.filter((issue) => issue.severity === 'warning').length,
    ...(plan ? { plan } : {}),
    ...(planUnavailable ? { planUnavailable } : {}),
    groups,
    approvers: deps.owners.describe(groups),
    expiresAt: batch.expiresAt,
    approvable: plan !== undefined,
    allowSelfApproval: deps.allowSelfApproval,
  };
}
