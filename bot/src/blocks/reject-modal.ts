import { LIMITS, type ModalView } from './kit.js';
import { literal, truncate } from './text.js';

/** The modal's callback id: the listener for its submission registers this id. */
export const REJECT_CALLBACK_ID = 'batch_reject_reason';
export const REJECT_REASON_BLOCK_ID = 'reject_reason';
export const REJECT_REASON_ACTION_ID = 'reject_reason_input';
/** Longer reasons are for the thread, not for the summary that shows this one. */
export const REJECT_REASON_MAX = 1000;

/** Asks an approver why they reject the batch; `private_metadata` carries the batch id to the submission. */
export function rejectModal(input: { batchId: string; fileName: string }): ModalView {
  return {
    type: 'modal',
    callback_id: REJECT_CALLBACK_ID,
    private_metadata: input.batchId,
    title: { type: 'plain_text', text: truncate('Reject batch', LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Reject ${literal(input.fileName, 200)}? It will not be applied, and your reason is shown in its thread.` } },
      {
        type: 'input',
        block_id: REJECT_REASON_BLOCK_ID,
        label: { type: 'plain_text', text: 'Reason' },
        element: { type: 'plain_text_input', action_id: REJECT_REASON_ACTION_ID, multiline: true, min_length: 1, max_length: REJECT_REASON_MAX, placeholder: { type: 'plain_text', text: 'What should change before it can be approved?' } },
      },
    ],
  };
}

/** The submitted view's state, as far as the reason is concerned. */
export interface SubmittedState {
  values: Record<string, Record<string, { value?: string | null | undefined } | undefined> | undefined>;
}

/** The reason typed in the modal, trimmed; undefined when empty (Slack requires it, but the payload is not ours). */
export function rejectReasonOf(state: SubmittedState): string | undefined {
  const value = state.values[REJECT_REASON_BLOCK_ID]?.[REJECT_REASON_ACTION_ID]?.value?.trim();
  return value ? truncate(value, REJECT_REASON_MAX) : undefined;
}
