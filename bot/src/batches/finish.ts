import { rowsAsBatch } from '@numbers-csv/shared';
import type { Decision } from '../blocks/decision.js';
import { failedRowsCsv } from '../blocks/failed-csv.js';
import { applyRefusedMessage, applyResultMessage, reconciliationMessage } from '../blocks/result.js';
import { attachCsv, postInThread, type WebClient } from '../slack/messages.js';
import type { Batch, Json } from '../store/types.js';
import { reconciled, type ApplyEnd } from './apply.js';
import { storedPlan, type BotDeps } from './deps.js';
import { showDecision } from './decisions.js';

/**
 * Records how an apply ended (one transition out of `applying`), and says so in the thread: each
 * row's result, a CSV of the rows to look at again, and the summary updated with the outcome.
 */
export async function finishApply(deps: BotDeps, client: WebClient, batch: Batch, end: ApplyEnd, cause: 'restart' | 'lost-answer'): Promise<void> {
  const done = await deps.store.transition(batch.id, ['applying'], end.state, 'bot', { kind: end.kind }, { result: resultJson(end) });
  // Another replica finished it (a reconciliation at its start): it has said so already.
  if (!done) return;
  deps.log.info('batch finished', { batch: batch.id, state: end.state, kind: end.kind });
  const name = batch.fileName.replace(/\.csv$/i, '');
  const by = batch.decidedBy ?? 'bot';
  const at = deps.now();
  if (end.kind === 'answered') {
    const failed = end.response.results.filter((result) => result.status === 'FAILED');
    await postInThread(client, batch.channel, batch.threadTs, applyResultMessage({ environment: batch.environment, response: end.response, approvedBy: by, failedCsvAttached: failed.length > 0 }));
    if (failed.length > 0) await attachCsv(client, batch.channel, batch.threadTs, `${name}.failed.csv`, failedRowsCsv(batch.csv, failed), 'The rows that failed, with the platform’s message: fix them and share the file again.');
  } else if (end.kind === 'reconciled') {
    await postInThread(client, batch.channel, batch.threadTs, reconciliationMessage({ environment: batch.environment, reconciliation: end.reconciliation, cause }));
    const notApplied = end.reconciliation.rows.filter((row) => row.outcome === 'not-applied').map((row) => row.row);
    if (notApplied.length > 0) await attachCsv(client, batch.channel, batch.threadTs, `${name}.not-applied.csv`, rowsAsBatch(batch.csv, notApplied), 'The rows that did not take effect.');
  } else {
    await postInThread(client, batch.channel, batch.threadTs, applyRefusedMessage({ environment: batch.environment, message: end.why }));
  }
  await showDecision(deps, client, done, decisionOf(end, by, at));
}

/**
 * Longer than any apply can take on a live replica: the client gives up on an answer after two
 * minutes, and then reads the export. A batch `applying` for longer was left by a replica that stopped.
 */
export const ORPHANED_AFTER_MS = 10 * 60_000;

/**
 * Batches left in `applying` by a bot that stopped mid-apply: the export says what ran. The upload is
 * never sent again. Only batches approved more than `olderThanMs` ago are taken: a younger one may be
 * in the hands of another replica right now, and reading the export before its upload lands would
 * report rows as not applied that are about to be.
 */
export async function recoverApplying(deps: BotDeps, client: WebClient, olderThanMs: number): Promise<void> {
  const before = deps.now().getTime() - olderThanMs;
  for (const batch of await deps.store.listByState('applying')) {
    const plan = storedPlan(batch.planDigest);
    if (!plan || (batch.decidedAt ?? batch.updatedAt).getTime() > before) continue;
    try {
      const end = await reconciled(deps.numbers, batch.csv, plan, 'The bot stopped while this batch was being applied.');
      await finishApply(deps, client, batch, end, 'restart');
    } catch (error) {
      deps.log.error('reconciliation failed; the batch stays applying', { batch: batch.id, reason: error instanceof Error ? error.message : 'unknown' });
    }
  }
}

function decisionOf(end: ApplyEnd, by: string, at: Date): Decision {
  if (end.kind === 'refused') return { state: 'failed', by, at, reason: end.why };
  if (end.kind === 'answered') {
    const { ok, failed } = end.response.summary;
    if (end.state === 'applied') return { state: 'applied', by, at, succeeded: ok };
    if (end.state === 'partially-applied') return { state: 'partially-applied', by, at, succeeded: ok, failed };
    return { state: 'failed', by, at, failed };
  }
  const { applied, unclear } = end.reconciliation.summary;
  const notApplied = end.reconciliation.summary['not-applied'];
  if (end.state === 'applied') return { state: 'applied', by, at, succeeded: applied };
  if (end.state === 'partially-applied') return { state: 'partially-applied', by, at, succeeded: applied, failed: notApplied };
  if (end.state === 'failed') return { state: 'failed', by, at, failed: notApplied };
  return { state: 'outcome-unknown', by, at, reason: `${unclear} row${unclear === 1 ? '' : 's'} unclear: check them in the export.` };
}

function resultJson(end: ApplyEnd): Json {
  if (end.kind === 'answered') return { kind: 'answered', summary: end.response.summary, results: end.response.results.map((result) => ({ ...result })) };
  if (end.kind === 'reconciled') return { kind: 'reconciled', why: end.why, summary: end.reconciliation.summary, rows: end.reconciliation.rows.map((row) => ({ row: row.row, number: row.number, outcome: row.outcome, detail: row.detail })) };
  return { kind: 'refused', why: end.why };
}
