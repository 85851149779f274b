import assert from 'node:assert/strict';
import { rejectModalModule } from './built.js';
import { assertViewWithinLimits, BATCH_ID } from './helpers.js';

const { REJECT_CALLBACK_ID, REJECT_REASON_ACTION_ID, REJECT_REASON_BLOCK_ID, rejectModal, rejectReasonOf } = rejectModalModule;

describe('blocks: reject modal', () => {
  it('is a modal with the batch id in private_metadata and one required text input', () => {
    const view = rejectModal({ batchId: BATCH_ID, fileName: 'numbers.csv' });
    assertViewWithinLimits(view);
    assert.equal(view.type, 'modal');
    assert.equal(view.callback_id, 'batch_reject_reason');
    assert.equal(REJECT_CALLBACK_ID, 'batch_reject_reason');
    assert.equal(view.private_metadata, BATCH_ID);
    const inputs = view.blocks.filter((block) => block.type === 'input');
    assert.equal(inputs.length, 1);
    const input = inputs[0];
    assert.ok(input && 'element' in input && input.type === 'input');
    assert.equal(input.block_id, REJECT_REASON_BLOCK_ID);
    assert.equal(input.optional, undefined, 'a reason is required');
    assert.ok(input.element.type === 'plain_text_input');
    assert.equal(input.element.action_id, REJECT_REASON_ACTION_ID);
  });

  it('reads the reason from the submitted state, trimmed; none when blank', () => {
    const state = (value: string | null) => ({ values: { [REJECT_REASON_BLOCK_ID]: { [REJECT_REASON_ACTION_ID]: { type: 'plain_text_input', value } } } });
    assert.equal(rejectReasonOf(state('  Wrong set for emea  ')), 'Wrong set for emea');
    assert.equal(rejectReasonOf(state('   ')), undefined);
    assert.equal(rejectReasonOf(state(null)), undefined);
    assert.equal(rejectReasonOf({ values: {} }), undefined);
  });
});
