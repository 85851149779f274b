import assert from 'node:assert/strict';
import { plan, readSnapshot, reconcile, type Reconciliation } from '@numbers-csv/shared';
import { csv } from '../../helpers/issues.js';
import { attached, detached, exportOf, LIVE, type ExportRow } from './live-fixtures.js';

const BATCH = csv`
  NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
  +14155550199,Create,ocp,twilio,,,,en-US,
  +14155550101,Update,,,,,,,New note
  +14155550102,Attach,,,support.app,,,en-US,
  +14155550103,Detach,,,,,,,
  +442079460101,Delete,,,,,,,
  +14155550198,Delete,,,,,,,
  +14155550102,Update,,,,,,,
`;

/** The live data before the batch, with each row's number as the batch would leave it. */
const ALL_APPLIED: readonly ExportRow[] = [
  attached('+14155550101', { NOTE: 'New note' }),
  attached('+14155550102', { NOTE: 'Main line' }),
  detached('+14155550103', { LOCALE: 'en-GB', APPLICATION_TAG: 'sales', NOTE: 'Reception, front desk' }),
  detached('+14155550199'),
];

async function reconciled(after: readonly ExportRow[]): Promise<Reconciliation> {
  const before = plan(BATCH, await readSnapshot(exportOf(LIVE)));
  return reconcile(before, await readSnapshot(exportOf(after)));
}

function outcomes(result: Reconciliation): [number, string, string][] {
  return result.rows.map((row) => [row.row, row.effect, row.outcome]);
}

describe('reconcile', () => {
  it('finds every row applied when the live data shows what each was to do', async () => {
    const result = await reconciled(ALL_APPLIED);
    assert.deepEqual(outcomes(result), [
      [1, 'create', 'applied'],
      [2, 'update', 'applied'],
      [3, 'attach', 'applied'],
      [4, 'detach', 'applied'],
      [5, 'delete', 'applied'],
      [6, 'fail', 'not-applied'],
      // Duplicate-number makes the second row for +14155550102 fail in the plan; yet it changed.
      [7, 'fail', 'unclear'],
    ]);
    assert.match(result.rows[6]?.detail ?? '', /Planned to fail \(duplicate-number\), yet \+14155550102 changed: .*MINIAPP_ID "" → "support.app"/);
    assert.deepEqual(result.summary, { applied: 5, 'not-applied': 1, unclear: 1 });
  });

  it('finds every row not applied when the live data is as it was', async () => {
    const result = await reconciled(LIVE);
    assert.deepEqual(outcomes(result), [
      [1, 'create', 'not-applied'],
      [2, 'update', 'not-applied'],
      [3, 'attach', 'not-applied'],
      [4, 'detach', 'not-applied'],
      [5, 'delete', 'not-applied'],
      [6, 'fail', 'not-applied'],
      [7, 'fail', 'not-applied'],
    ]);
    assert.match(result.rows[0]?.detail ?? '', /\+14155550199 does not exist/);
    assert.match(result.rows[4]?.detail ?? '', /still exists/);
  });

  it('is unclear where the live data shows something else than before or after', async () => {
    const result = await reconciled([
      attached('+14155550101', { NOTE: 'Someone else wrote this' }),
      detached('+14155550102', { NOTE: 'Main line' }),
      detached('+14155550199', { LOCALE: 'fr-FR' }),
    ]);
    const byRow = new Map(result.rows.map((row) => [row.row, row]));
    assert.equal(byRow.get(1)?.outcome, 'unclear');
    assert.match(byRow.get(1)?.detail ?? '', /exists now, but LOCALE is "fr-FR", not "en-US"/);
    assert.equal(byRow.get(2)?.outcome, 'unclear');
    assert.match(byRow.get(2)?.detail ?? '', /NOTE "Someone else wrote this" \(neither/);
    // +14155550103 is gone: its Detach may have run before a Delete by someone else.
    assert.equal(byRow.get(4)?.outcome, 'unclear');
    assert.match(byRow.get(4)?.detail ?? '', /no longer exists/);
  });

  it('calls a no-op unclear: nothing shows whether it ran, and nothing is left to do', async () => {
    const snapshot = await readSnapshot(exportOf(LIVE));
    const before = plan('NUMBER,OPERATION\n+14155550102,Detach\n', snapshot);
    assert.equal(before.rows[0]?.effect, 'no-op');
    const result = reconcile(before, snapshot);
    assert.deepEqual(outcomes(result), [[1, 'no-op', 'unclear']]);
    assert.match(result.rows[0]?.detail ?? '', /changes nothing/);
  });

  it('is unclear about a number the snapshot after was not read for', async () => {
    const before = plan('NUMBER,OPERATION\n+14155550102,Delete\n', await readSnapshot(exportOf(LIVE)));
    const after = await readSnapshot(exportOf(LIVE), { numbers: ['+14155550101'] });
    assert.deepEqual(outcomes(reconcile(before, after)), [[1, 'delete', 'unclear']]);
  });

  it('finds a refused file not applied, row by row', async () => {
    const snapshot = await readSnapshot(exportOf(LIVE));
    const before = plan('NUMBER,OPERATION\n+14155550101,Delete\n+442079460101,Delete\n', snapshot, { ownedGroups: ['ocp'] });
    assert.deepEqual(before.blocked.map((issue) => issue.code), ['group-not-owned']);
    const result = reconcile(before, snapshot);
    assert.deepEqual(outcomes(result), [[1, 'fail', 'not-applied'], [2, 'fail', 'not-applied']]);
    assert.match(result.rows[0]?.detail ?? '', /Planned to fail \(group-not-owned\), and \+14155550101 is as it was/);
  });
});
