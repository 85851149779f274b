import assert from 'node:assert/strict';
import type { BatchState } from '../../../bot/src/store/types.js';
import { refusalsModule } from './built.js';
import { APPROVER, assertWithinLimits, buttonsOf, shown, SUBMITTER } from './helpers.js';

const { expiredRefusal, notOwnerRefusal, notPendingRefusal, notSubmitterRefusal, ownBatchRefusal, ownersUnknownRefusal } = refusalsModule;

const APPROVERS = '`ocp`: <@U0APPROVE>\n`emea-support`: <!subteam^S0EMEA>';
const AT = new Date('2025-03-03T14:05:00Z');

describe('blocks: refusals', () => {
  it('tells a non-owner which groups they lack, who may approve, and what to do', () => {
    const message = notOwnerRefusal({ missing: ['emea-support'], approvers: APPROVERS });
    assertWithinLimits(message);
    assert.deepEqual(buttonsOf(message.blocks), []);
    assert.equal(
      shown(message),
      ':no_entry: You are not an OWNER of group `emea-support`, so you cannot approve this batch; nothing was changed.\n*Who may approve*\n`ocp`: <@U0APPROVE>\n`emea-support`: <!subteam^S0EMEA>\nAsk one of them to approve it, or to add you to the approvers file.',
    );
    assert.match(notOwnerRefusal({ missing: ['a', 'b'], approvers: APPROVERS }).text, /not an OWNER of a, b/);
    assert.match(shown(notOwnerRefusal({ missing: ['a', 'b'], approvers: APPROVERS })), /groups `a`, `b`/);
  });

  it('says when no one can approve: a batch that touches no group', () => {
    assert.match(shown(notOwnerRefusal({ missing: [], approvers: '' })), /No one can approve this batch: it touches no group/);
  });

  it('tells the submitter they cannot approve their own batch, and who can', () => {
    const text = shown(ownBatchRefusal({ approvers: APPROVERS }));
    assert.match(text, /You shared this file, so you cannot approve it yourself: another OWNER must\. Nothing was changed\./);
    assert.match(text, /<!subteam\^S0EMEA>/);
  });

  it('says where a batch that is no longer pending is, and who took it there', () => {
    const batch = (state: BatchState) => ({ state, decidedBy: APPROVER, decidedAt: AT, expiresAt: AT });
    assert.match(shown(notPendingRefusal(batch('applying'))), /already approved by <@U0APPROVE> <!date\^1741010700\^.*> and is being applied/);
    assert.match(shown(notPendingRefusal(batch('applied'))), /already approved by <@U0APPROVE> .* and applied/);
    assert.match(shown(notPendingRefusal(batch('partially-applied'))), /partly applied; see the thread for the failed rows/);
    assert.match(shown(notPendingRefusal(batch('failed'))), /applying it failed/);
    assert.match(shown(notPendingRefusal(batch('outcome-unknown'))), /its outcome is unknown/);
    assert.match(shown(notPendingRefusal(batch('rejected'))), /was rejected by <@U0APPROVE> .*\. Share the file again to start a new batch\./);
    assert.match(shown(notPendingRefusal({ state: 'cancelled', decidedBy: SUBMITTER, decidedAt: AT, expiresAt: AT })), /was cancelled by <@U0SUBMIT1>/);
    assert.match(shown(notPendingRefusal({ state: 'expired', decidedBy: null, decidedAt: null, expiresAt: AT })), /expired <!date\^1741010700\^.*> without an approval; nothing was applied/);
    assert.equal(notPendingRefusal({ state: 'rejected', decidedBy: null, decidedAt: null, expiresAt: AT }).text, 'This batch was rejected.');
  });

  it('says a batch expired, and how to start again', () => {
    const message = expiredRefusal({ expiresAt: AT });
    assertWithinLimits(message);
    assert.match(shown(message), /^:hourglass: This batch expired <!date\^1741010700\^\{date_short_pretty\} \{time\}\|2025-03-03 14:05 UTC> without an approval; nothing was applied\. Share the file again/);
  });

  it('tells anyone else that only the submitter can cancel, and what they can do', () => {
    assert.match(shown(notSubmitterRefusal({ submitter: SUBMITTER })), /Only <@U0SUBMIT1>, who shared the file, can cancel this batch\. If it should not be applied, an approver can Reject it/);
  });

  it('does not guess ownership when Slack cannot say', () => {
    assert.match(shown(ownersUnknownRefusal()), /Could not check who may approve this batch .* nothing was changed\. Try again in a minute\./);
  });
});
