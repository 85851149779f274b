import type { Plan } from '@numbers-csv/shared';
import { decisionMessage, type Decision } from '../blocks/decision.js';
import { notPendingRefusal, notSubmitterRefusal } from '../blocks/refusals.js';
import { rejectModal } from '../blocks/reject-modal.js';
import { summaryMessage } from '../blocks/summary.js';
import { postInThread, tellUser, updateMessage, type WebClient } from '../slack/messages.js';
import type { Batch } from '../store/types.js';
import { storedPlan, type BotDeps } from './deps.js';
import { summaryInput } from './summary.js';

/** The summary message, posted again with the plan as it is now (buttons included). */
export async function refreshSummary(deps: BotDeps, client: WebClient, batch: Batch, plan: Plan): Promise<void> {
  if (batch.summaryTs) await updateMessage(client, batch.channel, batch.summaryTs, summaryMessage(summaryInput(deps, batch, plan)));
}

/** The summary message, now saying what was decided and without its buttons. */
export async function showDecision(deps: BotDeps, client: WebClient, batch: Batch, decision: Decision): Promise<void> {
  if (!batch.summaryTs) return;
  await updateMessage(client, batch.channel, batch.summaryTs, decisionMessage(summaryInput(deps, batch, storedPlan(batch.planDigest)), decision));
}

/** A pending batch past its time: nobody may approve it any more. */
export async function expire(deps: BotDeps, client: WebClient, batch: Batch): Promise<void> {
  const expired = await deps.store.transition(batch.id, ['pending'], 'expired', 'bot', { expiresAt: batch.expiresAt.toISOString() });
  if (expired) await showDecision(deps, client, expired, { state: 'expired', at: expired.expiresAt });
}

/** Every pending batch past its time, expired; several replicas may sweep at once, each batch moves once. */
export async function expireOverdue(deps: BotDeps, client: WebClient): Promise<void> {
  const now = deps.now();
  for (const batch of await deps.store.listByState('pending')) if (batch.expiresAt <= now) await expire(deps, client, batch);
}

/** Reject opens a modal that asks why; only a pending batch can be rejected, by one of its approvers. */
export async function askRejectReason(deps: BotDeps, client: WebClient, click: { batchId: string; user: string; channel: string; triggerId: string }): Promise<void> {
  const batch = await deps.store.getBatch(click.batchId);
  if (!batch) return tellUser(client, click.channel, click.user, 'This batch is not known to the bot any more.');
  if (batch.state !== 'pending') return tellUser(client, batch.channel, click.user, notPendingRefusal(batch).text, batch.threadTs);
  const owner = await deps.owners.check(click.user, batch.groups);
  if (!owner.ok) return tellUser(client, batch.channel, click.user, `Only an OWNER of ${owner.missing.join(', ')} can reject this batch; the submitter can cancel it.`, batch.threadTs);
  await client.views.open({ trigger_id: click.triggerId, view: rejectModal({ batchId: batch.id, fileName: batch.fileName }) });
}

export async function reject(deps: BotDeps, client: WebClient, input: { batchId: string; user: string; reason: string }): Promise<void> {
  const batch = await deps.store.getBatch(input.batchId);
  if (!batch) return;
  const owner = await deps.owners.check(input.user, batch.groups);
  if (!owner.ok) return tellUser(client, batch.channel, input.user, `Only an OWNER of ${owner.missing.join(', ')} can reject this batch.`, batch.threadTs);
  const at = deps.now();
  const rejected = await deps.store.transition(batch.id, ['pending'], 'rejected', input.user, { reason: input.reason }, { decidedBy: input.user, decidedAt: at, result: { reason: input.reason } });
  if (!rejected) return tellUser(client, batch.channel, input.user, notPendingRefusal((await deps.store.getBatch(batch.id)) ?? batch).text, batch.threadTs);
  await showDecision(deps, client, rejected, { state: 'rejected', by: input.user, at, reason: input.reason });
  await postInThread(client, rejected.channel, rejected.threadTs, { text: `Rejected by <@${input.user}>: ${input.reason}`, blocks: [] });
}

export async function cancel(deps: BotDeps, client: WebClient, click: { batchId: string; user: string; channel: string }): Promise<void> {
  const batch = await deps.store.getBatch(click.batchId);
  if (!batch) return tellUser(client, click.channel, click.user, 'This batch is not known to the bot any more.');
  if (click.user !== batch.submitter) return tellUser(client, batch.channel, click.user, notSubmitterRefusal({ submitter: batch.submitter }).text, batch.threadTs);
  const at = deps.now();
  const cancelled = await deps.store.transition(batch.id, ['pending'], 'cancelled', click.user, null, { decidedBy: click.user, decidedAt: at });
  if (!cancelled) return tellUser(client, batch.channel, click.user, notPendingRefusal((await deps.store.getBatch(batch.id)) ?? batch).text, batch.threadTs);
  await showDecision(deps, client, cancelled, { state: 'cancelled', by: click.user, at });
}
