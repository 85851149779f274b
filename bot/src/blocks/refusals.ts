import type { Batch, BatchState } from '../store/types.js';
import { message, section, type Message } from './kit.js';
import { groupList, mention, slackDate } from './text.js';

/*
 * Ephemeral answers to a click that is refused: what is wrong, and what to do instead. A refusal
 * changes nothing; it is seen only by whoever clicked.
 */

function refusal(text: string, mrkdwn: string): Message {
  return message(text, [section(mrkdwn)]);
}

/** The clicker is not OWNER of `missing` (of every group, if the batch touches none it can be). */
export function notOwnerRefusal(input: { missing: readonly string[]; approvers: string }): Message {
  if (input.missing.length === 0) {
    return refusal(
      'No one can approve this batch: it touches no group.',
      ':no_entry: No one can approve this batch: it touches no group, so there is no OWNER to approve it. Nothing was changed; check the plan in the summary.',
    );
  }
  const groups = input.missing.length === 1 ? `group ${groupList(input.missing)}` : `groups ${groupList(input.missing)}`;
  return refusal(
    `You are not an OWNER of ${input.missing.join(', ')}, so you cannot approve this batch.`,
    `:no_entry: You are not an OWNER of ${groups}, so you cannot approve this batch; nothing was changed.\n*Who may approve*\n${input.approvers}\nAsk one of them to approve it, or to add you to the approvers file.`,
  );
}

export function ownBatchRefusal(input: { approvers: string }): Message {
  return refusal(
    'You shared this file, so you cannot approve it yourself.',
    `:no_entry: You shared this file, so you cannot approve it yourself: another OWNER must. Nothing was changed.\n*Who may approve*\n${input.approvers}`,
  );
}

/** Ownership could not be checked (Slack did not list a user group's members): nothing is assumed. */
export function ownersUnknownRefusal(): Message {
  return refusal(
    'Could not check who may approve this batch; try again in a minute.',
    ':warning: Could not check who may approve this batch (Slack did not list the members of a user group), so nothing was changed. Try again in a minute.',
  );
}

/** The batch has left `pending`: say where it is and who took it there. */
export function notPendingRefusal(batch: Pick<Batch, 'state' | 'decidedBy' | 'decidedAt' | 'expiresAt'>): Message {
  const by = `${batch.decidedBy ? ` by ${mention(batch.decidedBy)}` : ''}${batch.decidedAt ? ` ${slackDate(batch.decidedAt)}` : ''}`;
  const again = 'Share the file again to start a new batch.';
  const words: Record<BatchState, [text: string, mrkdwn: string]> = {
    pending: ['This batch is still waiting for an approval.', 'This batch is still waiting for an approval.'],
    applying: ['This batch was already approved and is being applied.', `:hourglass_flowing_sand: This batch was already approved${by} and is being applied; the thread shows the result.`],
    applied: ['This batch was already approved and applied.', `:white_check_mark: This batch was already approved${by} and applied; see the thread.`],
    'partially-applied': ['This batch was already approved and partly applied.', `:large_orange_circle: This batch was already approved${by} and partly applied; see the thread for the failed rows.`],
    failed: ['This batch was already approved; applying it failed.', `:x: This batch was already approved${by}, and applying it failed; see the thread. ${again}`],
    'outcome-unknown': ['This batch was already approved; its outcome is being checked.', `:grey_question: This batch was already approved${by}; its outcome is unknown and is checked against the live data. See the thread before doing anything else.`],
    rejected: ['This batch was rejected.', `:no_entry_sign: This batch was rejected${by}. ${again}`],
    cancelled: ['This batch was cancelled.', `:heavy_multiplication_x: This batch was cancelled${by}. ${again}`],
    expired: ['This batch expired.', `:hourglass: This batch expired ${slackDate(batch.expiresAt)} without an approval; nothing was applied. ${again}`],
  };
  const [text, mrkdwn] = words[batch.state];
  return refusal(text, mrkdwn);
}

/** The batch's time ran out before the click (it may still be `pending` until the bot notices). */
export function expiredRefusal(input: { expiresAt: Date }): Message {
  return refusal(
    'This batch has expired; share the file again to start a new batch.',
    `:hourglass: This batch expired ${slackDate(input.expiresAt)} without an approval; nothing was applied. Share the file again to start a new batch.`,
  );
}

export function notSubmitterRefusal(input: { submitter: string }): Message {
  return refusal(
    'Only the person who shared the file can cancel this batch.',
    `:no_entry: Only ${mention(input.submitter)}, who shared the file, can cancel this batch. If it should not be applied, an approver can Reject it, or ask ${mention(input.submitter)} to cancel it.`,
  );
}
