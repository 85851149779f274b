import assert from 'node:assert/strict';
import { assertIssue, assertNoIssue, csv } from '../../helpers/issues.js';
import { checkLive } from '../plan/live-fixtures.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

describe('live data: groups', () => {
  describe('set-group-mismatch', () => {
    it("reports an Update to a set of another group than the number's, on the set, with the sets to choose from", async () => {
      const result = await checkLive(`${UPDATE_HEADER}\n+14155550101,Update,,emeaSet,,,\n`);
      assertIssue(result, 'set-group-mismatch', {
        line: 2,
        column: 22,
        endColumn: 29,
        row: 1,
        field: 'PHONE_NUMBER_SET_ID',
        severity: 'error',
        message: /^Set "emeaSet" is in group "emea-support", but \+14155550101 is in group "ocp", .*the export shows testSetId/,
      });
    });

    it("judges a Create by its GROUP_ID", async () => {
      const result = await checkLive(csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER,PHONE_NUMBER_SET_ID
        +14155550198,Create,ocp,twilio,emeaSet
        +14155550199,Create,emea-support,twilio,emeaSet
      `);
      assertIssue(result, 'set-group-mismatch', { line: 2, column: 32, message: /this Create puts \+14155550198 in group "ocp" \(GROUP_ID\)/ });
      assert.equal(result.issues.filter((issue) => issue.code === 'set-group-mismatch').length, 1);
    });

    it('passes a set of the same group, a set the export does not show, <NULL>, and an empty cell', async () => {
      const result = await checkLive(csv`
        ${UPDATE_HEADER}
        +14155550101,Update,,testSetId,,,
        +14155550102,Update,,brandNewSet,,,
        +14155550103,Update,,<NULL>,,,
        +442079460101,Update,,,,,note
      `);
      assertNoIssue(result, 'set-group-mismatch');
    });
  });

  describe('group-not-owned', () => {
    const batch = csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER
      +14155550101,Delete,,
      +442079460101,Delete,,
      +14155550102,Detach,,
      +442079460102,Create,emea-support,twilio
      +14155550199,Create,us-sales,twilio
    `;

    it('reports each group not owned once, at its first row, naming the others', async () => {
      const result = await checkLive(batch, { ownedGroups: ['ocp'] });
      assertIssue(result, 'group-not-owned', {
        line: 3,
        column: 1,
        endColumn: 14,
        row: 2,
        field: 'NUMBER',
        severity: 'error',
        message: /^\+442079460101 is in group "emea-support", where you are not OWNER \(you are OWNER of "ocp"\)\. The platform refuses the whole file .* 2 rows touch it: rows 2 and 4\./,
      });
      // A Create's group is its GROUP_ID, so the issue sits on that cell.
      assertIssue(result, 'group-not-owned', { line: 6, column: 21, endColumn: 29, row: 5, field: 'GROUP_ID', message: /^This Create puts \+14155550199 in group "us-sales"/ });
      assert.equal(result.issues.filter((issue) => issue.code === 'group-not-owned').length, 2);
    });

    it('passes when every group touched is owned, and says nothing when the groups are not known', async () => {
      assertNoIssue(await checkLive(batch, { ownedGroups: ['ocp', 'emea-support', 'us-sales'] }), 'group-not-owned');
      assertNoIssue(await checkLive(batch), 'group-not-owned');
    });

    it('says so when the user owns no group', async () => {
      const result = await checkLive('NUMBER,OPERATION\n+14155550101,Delete\n', { ownedGroups: [] });
      assertIssue(result, 'group-not-owned', { line: 2, column: 1, message: /you are OWNER of no group/ });
    });

    it('does not count a number that is not live: its row fails on its own', async () => {
      const result = await checkLive('NUMBER,OPERATION\n+14155550199,Delete\n', { ownedGroups: [] });
      assertNoIssue(result, 'group-not-owned');
      assertIssue(result, 'number-not-found', { line: 2, column: 1 });
    });
  });
});
