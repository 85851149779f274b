import assert from 'node:assert/strict';
import { applyEdits } from '@numbers-csv/shared';
import { assertIssue, assertNoIssue, csv } from '../../helpers/issues.js';
import { checkLive } from '../plan/live-fixtures.js';

describe('live data: mini apps', () => {
  describe('already-attached', () => {
    it('reports an Attach that changes nothing, on MINIAPP_ID, and offers to remove the row', async () => {
      const text = csv`
        NUMBER,OPERATION,MINIAPP_ID,LOCALE
        +14155550102,Attach,support.app,en-US
        +14155550101,Attach,support.app,en-US
      `;
      const result = await checkLive(text);
      const issue = assertIssue(result, 'already-attached', {
        line: 3,
        column: 21,
        endColumn: 32,
        row: 2,
        field: 'MINIAPP_ID',
        severity: 'warning',
        message: /^\+14155550101 is already attached to "support.app" with locale "en-US", so this Attach changes nothing\. Remove the row\.$/,
      });
      const [fix] = issue.fixes ?? [];
      assert.equal(fix?.title, 'Remove the row');
      assert.equal(fix?.safe, false);
      assert.equal(applyEdits(text, fix?.edits ?? []), 'NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550102,Attach,support.app,en-US\n');
    });

    it('says when the Attach only changes the locale, without offering to remove it', async () => {
      const result = await checkLive('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,support.app,en-GB\n');
      const issue = assertIssue(result, 'already-attached', { line: 2, column: 21, message: /only changes LOCALE from "en-US" to "en-GB"/ });
      assert.equal(issue.fixes, undefined);
    });

    it('passes an Attach to another mini app, and one of a number attached to none', async () => {
      const result = await checkLive('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,sales.app,en-US\n+14155550102,Attach,support.app,en-US\n');
      assertNoIssue(result, 'already-attached');
    });
  });

  describe('not-attached', () => {
    it('reports a Detach of a number attached to none, on OPERATION, and offers to remove the row', async () => {
      const text = 'NUMBER,OPERATION\n+14155550102,Detach\n+14155550101,Detach\n';
      const result = await checkLive(text);
      const issue = assertIssue(result, 'not-attached', { line: 2, column: 14, endColumn: 20, row: 1, field: 'OPERATION', severity: 'warning', message: /^\+14155550102 is attached to no mini app, so this Detach changes nothing\./ });
      assert.equal(applyEdits(text, issue.fixes?.[0]?.edits ?? []), 'NUMBER,OPERATION\n+14155550101,Detach\n');
      assert.equal(result.issues.filter((i) => i.code === 'not-attached').length, 1);
    });

    it('passes a Detach of an attached number', async () => {
      assertNoIssue(await checkLive('NUMBER,OPERATION\n+14155550103,Detach\n'), 'not-attached');
    });
  });
});
