import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { approve } from '../batches/approve.js';
import type { BotDeps } from '../batches/deps.js';
import { askRejectReason, cancel, reject } from '../batches/decisions.js';
import { ACTION_IDS } from '../blocks/kit.js';
import { REJECT_CALLBACK_ID, REJECT_REASON_BLOCK_ID, rejectReasonOf } from '../blocks/reject-modal.js';
import { guarded } from './guard.js';

/** Approve, Reject and Cancel: the button's value names the batch; everything else is read again. */
export function listenForDecisions(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.approve, async ({ ack, body, action, client }) => {
    await ack();
    await guarded(deps.log, 'approve', () => approve(deps, client, { batchId: action.value ?? '', user: body.user.id, channel: channelOf(body) }));
  });
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.reject, async ({ ack, body, action, client }) => {
    await ack();
    await guarded(deps.log, 'reject', () => askRejectReason(deps, client, { batchId: action.value ?? '', user: body.user.id, channel: channelOf(body), triggerId: body.trigger_id }));
  });
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.cancel, async ({ ack, body, action, client }) => {
    await ack();
    await guarded(deps.log, 'cancel', () => cancel(deps, client, { batchId: action.value ?? '', user: body.user.id, channel: channelOf(body) }));
  });
  app.view(REJECT_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const reason = rejectReasonOf(view.state);
    if (!reason) {
      await ack({ response_action: 'errors', errors: { [REJECT_REASON_BLOCK_ID]: 'Say why the batch is rejected.' } });
      return;
    }
    await ack();
    await guarded(deps.log, 'reject reason', () => reject(deps, client, { batchId: view.private_metadata, user: body.user.id, reason }));
  });
}

function channelOf(body: BlockAction): string {
  return body.channel?.id ?? body.container?.channel_id ?? '';
}
