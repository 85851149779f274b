import assert from 'node:assert/strict';
import { kit, summaryModule } from './built.js';
import { assertWithinLimits, mrkdwnOf, BATCH_ID, button, buttonsOf, ENVIRONMENT, planOf, shown, SUBMITTER, summaryOf } from './helpers.js';

const HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

/** Two updates, one number unknown to the live data, one no-op. */
const MIXED = `${HEADER}
+14155550102,Update,,,,,Back office
+14155550103,Update,,,<NULL>,,
+14155550199,Update,,,,,Nobody
+14155550101,Update,,,,,
`;

const { ACTION_IDS, BLOCK_IDS, LIMITS } = kit;
const { approveOffered, confirmText, summaryMessage } = summaryModule;

describe('blocks: summary', () => {
  it('offers Approve, Reject and Cancel with the batch id as value, Approve confirming what goes where', async () => {
    const plan = await planOf(MIXED);
    const message = summaryMessage(summaryOf(MIXED, { plan, groups: plan.groups }));
    assertWithinLimits(message);
    assert.deepEqual(
      buttonsOf(message.blocks).map((element) => [element.action_id, element.value]),
      [
        ['batch_approve', BATCH_ID],
        ['batch_reject', BATCH_ID],
        ['batch_cancel', BATCH_ID],
      ],
    );
    const approve = button(message, ACTION_IDS.approve);
    assert.equal(approve?.style, 'primary');
    assert.equal(approve?.confirm?.text.text, `Apply 2 changes to ${ENVIRONMENT}? 1 row will fail.`);
    assert.equal(button(message, ACTION_IDS.reject)?.style, 'danger');
    // The buttons come last, after the note that only the submitter can cancel.
    assert.equal(message.blocks.at(-1)?.type, 'actions');
    const note = message.blocks.at(-2);
    assert.ok(note?.type === 'context' && note.block_id === BLOCK_IDS.actionsNote);
    assert.match(shown(message), new RegExp(`Only <@${SUBMITTER}>, who shared the file, can cancel it`));
    assert.match(shown(message), /<@U0SUBMIT1> cannot approve their own batch/);
  });

  it('shows the plan: counts per effect, the changes as before → after, the rows that will fail and why', async () => {
    const plan = await planOf(MIXED);
    const text = shown(summaryMessage(summaryOf(MIXED, { plan })));
    assert.match(text, /What it will do\* against live data: 2 update · 1 no change · 1 will fail/);
    assert.match(text, /• `\+14155550102` \(row 1\): NOTE `Main line` → `Back office`/);
    assert.match(text, /• `\+14155550103` \(row 2\): APPLICATION_TAG `sales` → _\(empty\)_/);
    assert.match(text, /1 row will fail\*\n• row 3 `\+14155550199`: .*not among the live numbers.* \[number-not-found\]/);
    assert.match(text, /Update 4 \/ 800/);
    assert.match(text, /Who may approve\* \(an OWNER of every group the batch touches\)\n`ocp`: <@U0APPROVE>, <!subteam\^S0OWNERS>/);
    assert.match(text, new RegExp(`/numbers status ${BATCH_ID}`));
  });

  it('has no Approve (and no Reject) for a file with errors, lists the first ten as row, column, message and code', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `+1415555${String(1000 + i)},Update,,,,xx_YY${i},`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    const input = summaryOf(text);
    assert.equal(input.errors.length, 25);
    const message = summaryMessage(input);
    assertWithinLimits(message);
    assert.equal(approveOffered(input), false);
    assert.deepEqual(
      buttonsOf(message.blocks).map((element) => element.action_id),
      ['batch_cancel'],
    );
    const body = shown(message);
    assert.match(body, /:x: \*25 errors\* \(the first 10 below; the full list is in the attached annotated CSV\)/);
    assert.match(body, /• row 1, LOCALE: "xx_YY0" is not a known language tag\. .* \[invalid-locale\]/);
    assert.match(body, /• row 10, LOCALE: "xx_YY9"/);
    assert.doesNotMatch(body, /row 11, LOCALE/);
    assert.match(body, /… and 15 more errors, in the annotated CSV/);
    assert.match(body, /Fix the errors and share the file again/);
    assert.match(message.text, /25 errors; cannot be approved/);
  });

  it('has no Approve when the platform would refuse the whole file, and says why', async () => {
    const text = 'NUMBER,OPERATION,NOTE\n+14155550102,Update,Back office\n';
    const plan = await planOf(text);
    assert.ok(plan.blocked.length > 0);
    const message = summaryMessage(summaryOf(text, { plan, errors: [] }));
    assert.equal(button(message, ACTION_IDS.approve), undefined);
    assert.match(shown(message), /The platform would refuse the whole file:\*\n• line 1, MINIAPP_ID: .* \[missing-column\]/);
  });

  it('has no Approve when the caller says it cannot be approved, and says what the plan lacks', () => {
    const message = summaryMessage(summaryOf(MIXED, { approvable: false, planUnavailable: 'the export timed out' }));
    assert.equal(button(message, ACTION_IDS.approve), undefined);
    assert.match(shown(message), /\*Plan\*: not available: the export timed out\. Approving sends all 4 rows as they are\./);
    assert.match(shown(message), /It cannot be approved as it is/);
  });

  it('counts every row as a change in the confirm dialog when there is no plan', () => {
    assert.equal(confirmText({ environment: ENVIRONMENT, rows: 7 }), `Apply 7 changes to ${ENVIRONMENT}?`);
    assert.equal(confirmText({ environment: ENVIRONMENT, rows: 1 }), `Apply 1 change to ${ENVIRONMENT}?`);
  });

  it('keeps the confirm dialog within 300 characters, however long the environment', async () => {
    const plan = await planOf(MIXED);
    const environment = `https://numbers.example.com/${'x'.repeat(600)}`;
    const confirm = button(summaryMessage(summaryOf(MIXED, { plan, environment })), ACTION_IDS.approve)?.confirm;
    assert.ok(confirm);
    assert.ok(confirm.text.text.length <= LIMITS.confirmText);
    assert.match(confirm.text.text, /^Apply 2 changes to https:\/\/numbers\.example\.com\/x+…\? 1 row will fail\.$/);
  });

  it('stays within Slack limits for a batch of 790 long rows, saying how many rows it left out', async () => {
    // 790: the most Update rows the platform takes in one file.
    const live = Array.from({ length: 790 }, (_, i) => ({ NUMBER: `+1415556${String(i).padStart(4, '0')}`, GROUP_ID: 'ocp', COUNTRY: 'US', LOCALE: 'en-US', PHONE_NUMBER_SET_ID: 'testSetId', NOTE: 'old' }));
    const rows = live.map((row, i) => `${row.NUMBER},Update,,,,,${'a long note '.repeat(20)}${i}`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    const plan = await planOf(text, live);
    assert.equal(plan.summary.effects.update, 790);
    const message = summaryMessage(summaryOf(text, { plan, errors: [] }));
    assertWithinLimits(message);
    assert.match(shown(message), /\*Changes\* \(the first 10\)/);
    assert.match(shown(message), /… and 780 more rows with changes/);
    assert.equal(button(message, ACTION_IDS.approve)?.confirm?.text.text, `Apply 790 changes to ${ENVIRONMENT}?`);
  });

  it('escapes what the file says, so that a cell or a file name cannot mention or notify anyone', async () => {
    const text = `${HEADER}\n+14155550102,Update,,,,,<!channel> & <@U999>\n`;
    const plan = await planOf(text);
    const message = summaryMessage(summaryOf(text, { plan, fileName: '<!here>.csv' }));
    const body = mrkdwnOf(message);
    assert.doesNotMatch(body, /<!channel>|<!here>|<@U999>/);
    assert.match(body, /NOTE `Main line` → `&lt;!channel&gt; &amp; &lt;@U999&gt;`/);
    assert.match(body, /`&lt;!here&gt;\.csv`/);
  });

  it('flags an operation over its limit', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `+1415555${String(1000 + i)},Delete,,,,,`);
    const message = summaryMessage(summaryOf(`${HEADER}\n${rows.join('\n')}\n`));
    assert.match(shown(message), /Delete 11 \/ 10 :warning: over the limit/);
  });

  it('leaves out the self-approval note when the submitter may approve', async () => {
    const plan = await planOf(MIXED);
    assert.doesNotMatch(shown(summaryMessage(summaryOf(MIXED, { plan, allowSelfApproval: true }))), /cannot approve their own batch/);
  });
});
