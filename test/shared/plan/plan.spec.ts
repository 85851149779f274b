import assert from 'node:assert/strict';
import { plan, type Plan, type PlannedRow } from '@numbers-csv/shared';
import { csv, settings } from '../../helpers/issues.js';
import { liveSnapshot } from './live-fixtures.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

async function planOf(text: string, options: Parameters<typeof plan>[2] = {}): Promise<Plan> {
  return plan(text, await liveSnapshot(), options);
}

/** The one planned row of a one-row batch. */
async function only(text: string): Promise<PlannedRow> {
  const { rows } = await planOf(text);
  assert.equal(rows.length, 1);
  return rows[0] as PlannedRow;
}

/** A row's effect and changes, as `column: before → after`, derived ones marked. */
function effectOf(row: PlannedRow): { effect: string; changes: string[] } {
  return { effect: row.effect, changes: row.changes.map((change) => `${change.column}: ${change.before} → ${change.after}${change.derived ? ' (derived)' : ''}`) };
}

describe('plan', () => {
  describe('Create', () => {
    it('creates the number in its group with the values given, and the mini app they describe', async () => {
      const row = await only('NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,LOCALE,NOTE\n+14155550199,Create,ocp,twilio,sales.app,en-US,New line\n');
      assert.deepEqual(effectOf(row), {
        effect: 'create',
        changes: [
          'GROUP_ID:  → ocp',
          'LOCALE:  → en-US',
          'MINIAPP_ID:  → sales.app',
          'NOTE:  → New line',
          'MINIAPP_DIAMANT_APP_NAME:  → miniApps (derived)',
          'MINIAPP_GROUP:  → ocp (derived)',
          'MINIAPP_NAME:  → sales (derived)',
          'MINIAPP_TYPE:  → Numeric (derived)',
        ],
      });
      assert.equal(row.before, undefined);
      assert.deepEqual({ row: row.row, line: row.line, number: row.number, key: row.key, operation: row.operation }, { row: 1, line: 2, number: '+14155550199', key: '+14155550199', operation: 'Create' });
    });

    it('fails for a number that exists', async () => {
      const row = await only('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550101,Create,ocp,twilio\n');
      assert.equal(row.effect, 'fail');
      assert.equal(row.reason?.code, 'number-exists');
      assert.match(row.reason?.message ?? '', /already exists/);
      assert.equal(row.before?.GROUP_ID, 'ocp');
    });
  });

  describe('Update', () => {
    it('changes only the fields with a value: <NULL> clears, empty leaves', async () => {
      const row = await only(`${UPDATE_HEADER}\n+14155550103,Update,,otherSet,<NULL>,,Back office\n`);
      assert.deepEqual(effectOf(row), { effect: 'update', changes: ['PHONE_NUMBER_SET_ID: testSetId → otherSet', 'APPLICATION_TAG: sales → ', 'NOTE: Reception, front desk → Back office'] });
    });

    it("moves the mini app's description with MINIAPP_ID, and clears it with <NULL>", async () => {
      const moved = await only(`${UPDATE_HEADER}\n+14155550101,Update,sales.app,,,,\n`);
      assert.deepEqual(effectOf(moved), { effect: 'update', changes: ['MINIAPP_ID: support.app → sales.app', 'MINIAPP_NAME: support → sales (derived)'] });
      const cleared = await only(`${UPDATE_HEADER}\n+14155550101,Update,<NULL>,,,,\n`);
      assert.deepEqual(effectOf(cleared).changes, [
        'MINIAPP_ID: support.app → ',
        'MINIAPP_DIAMANT_APP_NAME: miniApps →  (derived)',
        'MINIAPP_GROUP: ocp →  (derived)',
        'MINIAPP_NAME: support →  (derived)',
        'MINIAPP_TYPE: Numeric →  (derived)',
      ]);
    });

    it('leaves out the description of a mini app the export does not show: it cannot be told', async () => {
      const row = await only(`${UPDATE_HEADER}\n+14155550101,Update,new.app,,,,\n`);
      assert.deepEqual(effectOf(row).changes, ['MINIAPP_ID: support.app → new.app']);
    });

    it('is a no-op when every value given is the live one, or none is given', async () => {
      assert.equal((await only(`${UPDATE_HEADER}\n+14155550103,Update,sales.app,testSetId,sales,en-GB,"Reception, front desk"\n`)).effect, 'no-op');
      assert.equal((await only(`${UPDATE_HEADER}\n+14155550102,Update,<NULL>,,<NULL>,,\n`)).effect, 'no-op');
      const empty = await only(`${UPDATE_HEADER}\n+14155550101,Update,,,,,\n`);
      assert.deepEqual(effectOf(empty), { effect: 'no-op', changes: [] });
    });

    it('fails for a number that does not exist, and for a set of another group', async () => {
      const { rows } = await planOf(`${UPDATE_HEADER}\n+14155550199,Update,,,,,x\n+14155550101,Update,,emeaSet,,,\n`);
      assert.deepEqual(rows.map((row) => [row.effect, row.reason?.code]), [['fail', 'number-not-found'], ['fail', 'set-group-mismatch']]);
    });
  });

  describe('Attach', () => {
    it('attaches with the locale, and the description follows', async () => {
      const row = await only('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550102,Attach,support.app,en-GB\n');
      assert.deepEqual(effectOf(row), {
        effect: 'attach',
        changes: [
          'MINIAPP_ID:  → support.app',
          'LOCALE: en-US → en-GB',
          'MINIAPP_DIAMANT_APP_NAME:  → miniApps (derived)',
          'MINIAPP_GROUP:  → ocp (derived)',
          'MINIAPP_NAME:  → support (derived)',
          'MINIAPP_TYPE:  → Numeric (derived)',
        ],
      });
    });

    it('is a no-op to the mini app and locale the number has; with another locale, changes only that', async () => {
      assert.deepEqual(effectOf(await only('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,support.app,en-US\n')), { effect: 'no-op', changes: [] });
      assert.deepEqual(effectOf(await only('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,support.app,en-GB\n')), { effect: 'attach', changes: ['LOCALE: en-US → en-GB'] });
    });
  });

  describe('Detach', () => {
    it("clears MINIAPP_ID and the mini app's description, and keeps the locale", async () => {
      const row = await only('NUMBER,OPERATION\n+14155550103,Detach\n');
      assert.deepEqual(effectOf(row), {
        effect: 'detach',
        changes: ['MINIAPP_ID: sales.app → ', 'MINIAPP_DIAMANT_APP_NAME: miniApps →  (derived)', 'MINIAPP_GROUP: ocp →  (derived)', 'MINIAPP_NAME: sales →  (derived)', 'MINIAPP_TYPE: Numeric →  (derived)'],
      });
    });

    it('is a no-op for a number attached to none', async () => {
      assert.deepEqual(effectOf(await only('NUMBER,OPERATION\n+14155550102,Detach\n')), { effect: 'no-op', changes: [] });
    });
  });

  describe('Delete', () => {
    it('removes the number, whose values the plan keeps as before', async () => {
      const row = await only('NUMBER,OPERATION\n+14155550102,Delete\n');
      assert.deepEqual(effectOf(row), { effect: 'delete', changes: [] });
      assert.equal(row.before?.NOTE, 'Main line');
    });

    it('fails for a number that does not exist', async () => {
      const row = await only('NUMBER,OPERATION\n+14155550199,Delete\n');
      assert.deepEqual([row.effect, row.reason?.code], ['fail', 'number-not-found']);
    });
  });

  describe('failing rows', () => {
    it("fail with the row's first error, and leave the other rows to run", async () => {
      const result = await planOf(csv`
        NUMBER,OPERATION,MINIAPP_ID,LOCALE
        +14155550102,Attach,support.app,english
        +14155550103,Detach,,
        1.41555E+10,Delete,,
      `);
      assert.deepEqual(result.rows.map((row) => [row.row, row.effect, row.reason?.code]), [
        [1, 'fail', 'invalid-locale'],
        [2, 'detach', undefined],
        [3, 'fail', 'number-scientific'],
      ]);
      assert.match(result.rows[0]?.reason?.message ?? '', /english/);
      assert.deepEqual(result.blocked, []);
      assert.deepEqual(result.summary.failingRows, [1, 3]);
    });

    it('fail as the platform would, whatever severity the settings give the live codes', async () => {
      const quiet = settings({ severity: { 'number-not-found': 'off', 'number-exists': 'warning' } });
      const result = await planOf('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550199,Delete,,\n+14155550101,Create,ocp,twilio\n', { settings: quiet });
      assert.deepEqual(result.rows.map((row) => row.reason?.code), ['number-not-found', 'number-exists']);
    });
  });

  describe('a file the platform refuses', () => {
    it('without OPERATION: every row fails, and the plan says why', async () => {
      const result = await planOf('NUMBER,GROUP_ID\n+14155550101,ocp\n+14155550102,ocp\n');
      assert.deepEqual(result.blocked.map((issue) => issue.code), ['missing-operation-column']);
      assert.deepEqual(result.rows.map((row) => [row.effect, row.reason?.code]), [['fail', 'missing-operation-column'], ['fail', 'missing-operation-column']]);
    });

    it('over a limit, with an unknown operation, or touching a group not owned', async () => {
      const overLimit = await planOf('NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n', { settings: settings({ limits: { Delete: 1 } }) });
      assert.deepEqual(overLimit.blocked.map((issue) => issue.code), ['limit-exceeded']);
      assert.deepEqual(overLimit.summary.effects.fail, 2);

      const unknown = await planOf('NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Remove\n');
      assert.deepEqual(unknown.blocked.map((issue) => issue.code), ['unknown-operation']);
      assert.deepEqual(unknown.rows.map((row) => row.effect), ['fail', 'fail']);

      const notOwned = await planOf('NUMBER,OPERATION\n+14155550101,Delete\n+442079460101,Delete\n', { ownedGroups: ['ocp'] });
      assert.deepEqual(notOwned.blocked.map((issue) => issue.code), ['group-not-owned']);
      assert.deepEqual(notOwned.rows.map((row) => row.reason?.code), ['group-not-owned', 'group-not-owned']);
    });

    it('not for a row error: those fail their row only', async () => {
      const result = await planOf('NUMBER,OPERATION\n+14155550101,Delete\n+14155550199,Delete\n');
      assert.deepEqual(result.blocked, []);
      assert.deepEqual(result.rows.map((row) => row.effect), ['delete', 'fail']);
    });
  });

  it('says "unknown" for a number the snapshot was not read for', async () => {
    const { readSnapshot } = await import('@numbers-csv/shared');
    const { exportOf, LIVE } = await import('./live-fixtures.js');
    const snapshot = await readSnapshot(exportOf(LIVE), { numbers: ['+14155550101'] });
    const result = plan('NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n', snapshot);
    assert.deepEqual(result.rows.map((row) => row.effect), ['delete', 'unknown']);
  });

  it('sums up the effects, and lists every group touched for the approval', async () => {
    const result = await planOf(csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
      +14155550199,Create,us-sales,twilio,,,,,
      +14155550101,Update,,,,,,,"Two
      lines"
      +442079460101,Detach,,,,,,,
      +14155550102,Detach,,,,,,,
      +14155550103,Delete,,,,,,,
      +14155550198,Delete,,,,,,,
    `);
    assert.deepEqual(result.summary.effects, { create: 1, update: 1, attach: 0, detach: 1, delete: 1, 'no-op': 1, fail: 1, unknown: 0 });
    assert.deepEqual(result.summary.failingRows, [6]);
    assert.deepEqual(result.groups, ['emea-support', 'ocp', 'us-sales']);
    assert.deepEqual(result.rows.map((row) => row.line), [2, 3, 5, 6, 7, 8], 'lines count the line break inside the quoted NOTE');
  });
});
