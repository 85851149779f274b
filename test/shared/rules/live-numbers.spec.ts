import assert from 'node:assert/strict';
import { assertIssue, assertNoIssue, csv } from '../../helpers/issues.js';
import { checkLive, detached } from '../plan/live-fixtures.js';

describe('live data: numbers', () => {
  describe('number-not-found', () => {
    it('reports each operation but Create on a number the export does not have, on its NUMBER', async () => {
      const result = await checkLive(csv`
        NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
        +14155550191,Update,,,,,x
        +14155550192,Attach,support.app,,,en-US,
        +14155550193,Detach,,,,,
        +14155550194,Delete,,,,,
      `);
      for (const [line, operation] of [[2, 'Update'], [3, 'Attach'], [4, 'Detach'], [5, 'Delete']] as const) {
        assertIssue(result, 'number-not-found', { line, column: 1, endColumn: 13, row: line - 1, field: 'NUMBER', severity: 'error', message: new RegExp(`^\\+1415555019${line - 1} is not among the live numbers: .*this ${operation} would fail`) });
      }
    });

    it('passes numbers that exist, a Create of a new number, and numbers written as meant', async () => {
      const result = await checkLive(csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER
        +14155550101,Delete,,
        +14155550199,Create,ocp,twilio
        3F2C1A7E-8B4D-4C2A-9E1F-0A1B2C3D4E5F,Delete,,
      `, { rows: [detached('+14155550101'), detached('3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f')] });
      assertNoIssue(result, 'number-not-found');
    });

    it('leaves a malformed NUMBER to its own error: one cell gets one diagnosis', async () => {
      const result = await checkLive('NUMBER,OPERATION,COUNTRY\n+1 415 555 0199,Delete,US\n');
      assertIssue(result, 'number-formatting', { line: 2, column: 1 });
      assertNoIssue(result, 'number-not-found');
    });

    it('is never reported without live data', async () => {
      const { validate } = await import('@numbers-csv/shared');
      assertNoIssue(validate('NUMBER,OPERATION\n+14155550199,Delete\n'), 'number-not-found');
    });
  });

  describe('number-exists', () => {
    it('reports a Create of a live number, with where it lives', async () => {
      const result = await checkLive(csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER
        +14155550199,Create,ocp,twilio
        +14155550103,Create,ocp,twilio
      `);
      assertIssue(result, 'number-exists', { line: 3, column: 1, endColumn: 13, row: 2, field: 'NUMBER', severity: 'error', message: /^\+14155550103 already exists \(group "ocp", set "testSetId", mini app "sales.app"\), so this Create would fail\./ });
      assert.equal(result.issues.filter((issue) => issue.code === 'number-exists').length, 1);
    });

    it('passes a Create of a new number and other operations on live ones', async () => {
      const result = await checkLive('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550199,Create,ocp,twilio\n+14155550101,Delete,,\n');
      assertNoIssue(result, 'number-exists');
    });
  });
});
