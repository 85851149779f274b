import assert from 'node:assert/strict';
import type { Json } from '../../../bot/src/store/types.js';
import { LIVE } from '../../shared/plan/live-fixtures.js';
import { kit, planChangedModule, planDigestModule } from './built.js';
import { assertWithinLimits, BATCH_ID, button, ENVIRONMENT, planOf, shown } from './helpers.js';

const { planDigest, planDifferences } = planDigestModule;
const { planChangedMessage } = planChangedModule;
const { ACTION_IDS } = kit;

const TEXT = `NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
+14155550102,Update,,,,,Back office
+14155550103,Update,,,,,Upstairs
+14155550101,Delete,,,,,
`;

describe('blocks: plan digest', () => {
  it('is compact JSON per row: number, effect, changes and reason code; the same for the same plan', async () => {
    const digest = planDigest(await planOf(TEXT));
    assert.deepEqual(digest, {
      version: 1,
      groups: ['ocp'],
      rows: [
        { row: 1, number: '+14155550102', effect: 'update', changes: [['NOTE', 'Main line', 'Back office']], reason: null },
        { row: 2, number: '+14155550103', effect: 'update', changes: [['NOTE', 'Reception, front desk', 'Upstairs']], reason: null },
        { row: 3, number: '+14155550101', effect: 'delete', changes: [], reason: null },
      ],
    });
    assert.equal(JSON.stringify(planDigest(await planOf(TEXT))), JSON.stringify(digest));
    // What the store gives back (JSON through a database) compares equal.
    assert.deepEqual(planDifferences(JSON.parse(JSON.stringify(digest)), digest), { changed: false, rows: [] });
  });

  it('lists the rows whose effect or changes differ after the live data moved on', async () => {
    const before = planDigest(await planOf(TEXT));
    const live = LIVE.filter((row) => row.NUMBER !== '+14155550101').map((row) => (row.NUMBER === '+14155550102' ? { ...row, NOTE: 'Back office' } : row));
    const after = planDigest(await planOf(TEXT, live));
    const differences = planDifferences(before, after);
    assert.equal(differences.changed, true);
    assert.deepEqual(
      differences.rows.map((row) => [row.row, row.number, row.before?.effect, row.after?.effect, row.after?.reason]),
      [
        [1, '+14155550102', 'update', 'no-op', null],
        [3, '+14155550101', 'delete', 'fail', 'number-not-found'],
      ],
    );
    assert.equal(differences.groups, undefined);
  });

  it('tells when the groups differ, even with the same rows', () => {
    const rows = [{ row: 1, number: '+1', effect: 'update', changes: [], reason: null }];
    const differences = planDifferences({ version: 1, groups: ['ocp'], rows }, { version: 1, groups: ['emea-support', 'ocp'], rows });
    assert.deepEqual(differences, { changed: true, rows: [], groups: { before: ['ocp'], after: ['emea-support', 'ocp'] } });
  });

  it('counts an unreadable earlier digest as changed, every row differing', async () => {
    const after = planDigest(await planOf(TEXT));
    const unreadable: Json[] = [null, { version: 0 }, 'plan', { version: 1, groups: [], rows: [{ row: 'one' }] }];
    for (const before of unreadable) {
      const differences = planDifferences(before, after);
      assert.equal(differences.changed, true);
      assert.deepEqual(
        differences.rows.map((row) => [row.row, row.before]),
        [
          [1, undefined],
          [2, undefined],
          [3, undefined],
        ],
      );
    }
  });
});

describe('blocks: plan changed', () => {
  it('shows each differing row before → now, and Approve for the plan as it is now', async () => {
    const before = planDigest(await planOf(TEXT));
    const live = LIVE.filter((row) => row.NUMBER !== '+14155550101').map((row) => (row.NUMBER === '+14155550102' ? { ...row, NOTE: 'Back office' } : row));
    const plan = await planOf(TEXT, live);
    const message = planChangedMessage({ batchId: BATCH_ID, environment: ENVIRONMENT, plan, differences: planDifferences(before, planDigest(plan)) });
    assertWithinLimits(message);
    const text = shown(message);
    assert.match(text, /The plan changed since the summary\*: the live data moved on, so nothing was applied/);
    assert.match(text, /\*2 rows differ\* \(before → now\)\n• row 1 `\+14155550102`: update NOTE `Main line` → `Back office` → no change\n• row 3 `\+14155550101`: deleted → will fail \[number-not-found\]/);
    const approve = button(message, ACTION_IDS.approve);
    assert.equal(approve?.value, BATCH_ID);
    assert.equal(approve?.confirm?.text.text, `Apply 1 change to ${ENVIRONMENT}? 1 row will fail.`);
  });

  it('says when the groups changed, and cuts a long list', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ row: i + 1, number: `+1415555${1000 + i}`, effect: 'update', changes: [['NOTE', 'a', 'b']], reason: null }));
    const now = rows.map((row) => ({ ...row, effect: 'no-op', changes: [] }));
    const differences = planDifferences({ version: 1, groups: ['ocp'], rows }, { version: 1, groups: ['emea-support'], rows: now });
    const message = planChangedMessage({ batchId: BATCH_ID, environment: ENVIRONMENT, plan: await planOf(TEXT), differences });
    assertWithinLimits(message);
    assert.match(shown(message), /… and 30 more rows/);
    assert.match(shown(message), /\*Groups\* it touches: `ocp` → `emea-support`; an approval needs an OWNER of each of the new ones\./);
  });
});
