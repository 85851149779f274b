import assert from 'node:assert/strict';
import type { Decision } from '../../../bot/src/blocks/decision.js';
import { decisionModule, kit, summaryModule } from './built.js';
import { APPROVER, assertWithinLimits, buttonsOf, mrkdwnOf, planOf, shown, SUBMITTER, summaryOf } from './helpers.js';

const { decisionMessage, decisionText } = decisionModule;
const { BLOCK_IDS } = kit;
const { summaryMessage } = summaryModule;

const TEXT = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE\n+14155550102,Update,,,,,Back office\n';
const AT = new Date('2025-03-03T14:05:00Z');
const DATE = '<!date^1741010700^{date_short_pretty} {time}|2025-03-03 14:05 UTC>';

describe('blocks: decision', () => {
  it('keeps the summary without its buttons and says who approved it, and when, in Slack date markup', async () => {
    const input = summaryOf(TEXT, { plan: await planOf(TEXT) });
    const message = decisionMessage(input, { state: 'applying', by: APPROVER, at: AT });
    assertWithinLimits(message);
    assert.deepEqual(buttonsOf(message.blocks), []);
    assert.ok(!message.blocks.some((block) => 'block_id' in block && block.block_id === BLOCK_IDS.actionsNote));
    assert.match(shown(message), /NOTE `Main line` → `Back office`/);
    const last = message.blocks.at(-1);
    assert.ok(last?.type === 'section' && last.block_id === BLOCK_IDS.decision);
    assert.equal(last.text?.text, `:hourglass_flowing_sand: Approved by <@${APPROVER}> ${DATE}; applying now.`);
    assert.match(message.text, /^Batch numbers\.csv: approved 2025-03-03 14:05 UTC, applying$/);
  });

  it('works from the blocks Slack sends back with the click, replacing an earlier decision', async () => {
    const posted = summaryMessage(summaryOf(TEXT, { plan: await planOf(TEXT) }));
    const applying = decisionMessage(posted.blocks, { state: 'applying', by: APPROVER, at: AT });
    assert.equal(applying.blocks.length, posted.blocks.length - 1, 'the buttons and their note go, the decision comes');
    const applied = decisionMessage(applying.blocks, { state: 'applied', by: APPROVER, at: AT, succeeded: 1 });
    const decisions = applied.blocks.filter((block) => 'block_id' in block && block.block_id === BLOCK_IDS.decision);
    assert.equal(decisions.length, 1);
    assert.match(shown(applied), /:white_check_mark: Approved by <@U0APPROVE> .*\. \*Applied\*: 1 row succeeded\./);
    assert.doesNotMatch(shown(applied), /applying now/);
  });

  const cases: [Decision, RegExp][] = [
    [{ state: 'applied', by: APPROVER, at: AT, succeeded: 12 }, /\*Applied\*: 12 rows succeeded/],
    [{ state: 'partially-applied', by: APPROVER, at: AT, succeeded: 10, failed: 2 }, /\*Partially applied\*: 10 rows succeeded, 2 rows failed \(see the thread\)/],
    [{ state: 'failed', by: APPROVER, at: AT, failed: 3 }, /\*Failed\*: 3 rows failed \(see the thread\)/],
    [{ state: 'failed', by: APPROVER, at: AT, reason: 'The platform refused the file: limit exceeded' }, /\*Failed\*: The platform refused the file: limit exceeded/],
    [{ state: 'outcome-unknown', by: APPROVER, at: AT, reason: 'the connection closed' }, /\*Outcome unknown\*: the connection closed\. The bot checks the live data rather than sending it again/],
    [{ state: 'rejected', by: APPROVER, at: AT, reason: 'Wrong <group> & set' }, /\*Rejected\* by <@U0APPROVE> <!date\^1741010700\^.*>: “Wrong &lt;group&gt; &amp; set”/],
    [{ state: 'cancelled', by: SUBMITTER, at: AT }, /\*Cancelled\* by <@U0SUBMIT1> <!date/],
    [{ state: 'expired', at: AT }, /\*Expired\* <!date\^1741010700\^\{date_short_pretty\} \{time\}\|2025-03-03 14:05 UTC> without an approval\. Share the file again/],
  ];
  for (const [decision, expected] of cases) {
    it(`words ${decision.state}${'reason' in decision ? ' with its reason' : ''}`, () => {
      assert.match(decisionText(decision), expected);
      const message = decisionMessage(summaryOf(TEXT), decision);
      assertWithinLimits(message);
      assert.deepEqual(buttonsOf(message.blocks), []);
      assert.doesNotMatch(mrkdwnOf(message), /<group>/);
    });
  }
});
