import { planChangedMessage } from '../blocks/plan-changed.js';
import { planDifferences, planDigest } from '../blocks/plan-digest.js';
import { progressMessage } from '../blocks/progress.js';
import { expiredRefusal, notOwnerRefusal, notPendingRefusal, ownBatchRefusal, ownersUnknownRefusal } from '../blocks/refusals.js';
import { postInThread, tellUser, type WebClient } from '../slack/messages.js';
import type { Batch } from '../store/types.js';
import { applyOnce } from './apply.js';
import { planJson, storedPlan, type BotDeps } from './deps.js';
import { expire, refreshSummary, showDecision } from './decisions.js';
import { finishApply } from './finish.js';
import { livePlan } from './live-plan.js';

/** A click on Approve: who clicked, on which batch, where. */
export interface Click {
  batchId: string;
  user: string;
  channel: string;
}

/**
 * An approval, checked on the server at click time from current data, never from the button: the
 * batch must be pending and not expired, the approver OWNER of every group the batch touches now and
 * not its submitter. The batch is planned again; a plan that changed since the summary is shown and
 * must be approved again. Then one atomic transition lets exactly one click through, and the batch is
 * applied once.
 */
export async function approve(deps: BotDeps, client: WebClient, click: Click): Promise<void> {
  const batch = await deps.store.getBatch(click.batchId);
  if (!batch) return tellUser(client, click.channel, click.user, 'This batch is not known to the bot any more.');
  const refuse = (message: { text: string }) => tellUser(client, batch.channel, click.user, message.text, batch.threadTs);
  if (batch.state !== 'pending') return refuse(notPendingRefusal(batch));
  if (deps.now() >= batch.expiresAt) {
    await expire(deps, client, batch);
    return refuse(expiredRefusal({ expiresAt: batch.expiresAt }));
  }
  if (click.user === batch.submitter && !deps.allowSelfApproval) return refuse(ownBatchRefusal({ approvers: deps.owners.describe(batch.groups) }));

  let live;
  try {
    live = await livePlan(deps.numbers, batch.csv, deps.settings);
  } catch (error) {
    return refuse({ text: `The live numbers could not be read, so the batch was not applied: ${error instanceof Error ? error.message : String(error)}. Try again in a moment.` });
  }
  const owner = await deps.owners.check(click.user, live.plan.groups);
  if (!owner.ok) return refuse(owner.missing.length === 0 ? ownersUnknownRefusal() : notOwnerRefusal({ missing: owner.missing, approvers: deps.owners.describe(owner.missing) }));
  if (live.plan.blocked.length > 0) return refuse({ text: `The platform would now refuse this file as a whole: ${live.plan.blocked[0]?.message ?? ''} Nothing was applied.` });

  const before = storedPlan(batch.planDigest);
  const differences = planDifferences(before ? planDigest(before) : null, planDigest(live.plan));
  if (differences.rows.length > 0 || !before) {
    const updated = await deps.store.update(batch.id, { planDigest: planJson(live.plan), groups: live.plan.groups });
    if (updated) await refreshSummary(deps, client, updated, live.plan);
    return tellUser(client, batch.channel, click.user, planChangedMessage({ batchId: batch.id, environment: batch.environment, plan: live.plan, differences }).text, batch.threadTs);
  }

  const at = deps.now();
  const applying = await deps.store.transition(batch.id, ['pending'], 'applying', click.user, { environment: batch.environment }, { decidedBy: click.user, decidedAt: at, planDigest: planJson(live.plan), groups: live.plan.groups });
  if (!applying) {
    const now = await deps.store.getBatch(batch.id);
    return refuse(notPendingRefusal(now ?? batch));
  }
  deps.log.info('batch approved', { batch: batch.id, approver: click.user });
  await announceApplying(deps, client, applying, live.plan.rows.length);
  let end;
  try {
    end = await applyOnce(deps.numbers, applying.csv, live.plan, applying.fileName);
  } catch (error) {
    // The upload's answer was lost and the export could not be read either: the sweep tries again.
    deps.log.error('apply outcome unknown; left for the sweep', { batch: batch.id, error: error instanceof Error ? error.message : 'unknown' });
    await postInThread(client, applying.channel, applying.threadTs, {
      text: 'The outcome of the upload is not known yet, and the live numbers could not be read to find out. The bot will compare them with this batch within the next few minutes; do not share the file again.',
      blocks: [],
    });
    return;
  }
  await finishApply(deps, client, applying, end, 'lost-answer');
}

async function announceApplying(deps: BotDeps, client: WebClient, batch: Batch, rows: number): Promise<void> {
  const by = batch.decidedBy ?? '';
  await postInThread(client, batch.channel, batch.threadTs, progressMessage({ rows, environment: batch.environment, approvedBy: by }));
  await showDecision(deps, client, batch, { state: 'applying', by, at: batch.decidedAt ?? deps.now() });
}
