import assert from 'node:assert/strict';
import { applyEdits } from '@numbers-csv/shared';
import { assertIssue, assertNoIssue, csv } from '../../helpers/issues.js';
import { checkLive } from '../plan/live-fixtures.js';

const HEADER = 'NUMBER,OPERATION,COUNTRY,GROUP_ID,MINIAPP_ID,MINIAPP_NAME,MINIAPP_TYPE,MINIAPP_GROUP,MINIAPP_DIAMANT_APP_NAME,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

describe('live data: read-only-change', () => {
  it('reports an ignored value that differs from the live one, on its cell, with the live value', async () => {
    const text = `${HEADER}\n+14155550101,Update,CA,emea-support,,support,Numeric,ocp,miniApps,,,,Front desk\n`;
    const result = await checkLive(text);
    const country = assertIssue(result, 'read-only-change', { line: 2, column: 21, endColumn: 23, row: 1, field: 'COUNTRY', severity: 'warning', message: /^COUNTRY is ignored in an Update row: \+14155550101 keeps COUNTRY "US", not "CA"\./ });
    assertIssue(result, 'read-only-change', { line: 2, column: 24, field: 'GROUP_ID', message: /keeps GROUP_ID "ocp", not "emea-support"\. .*no operation moves a number to another group/ });
    assert.equal(result.issues.filter((issue) => issue.code === 'read-only-change').length, 2, 'the values copied from the export pass');
    const [fix] = country.fixes ?? [];
    assert.equal(fix?.safe, false);
    assert.equal(applyEdits(text, fix?.edits ?? []), text.replace(',CA,', ',US,'));
  });

  it("compares with what the row leads to: the new mini app's description after an Attach", async () => {
    const result = await checkLive(csv`
      NUMBER,OPERATION,MINIAPP_ID,MINIAPP_NAME,LOCALE
      +14155550101,Attach,sales.app,sales,en-US
      +14155550102,Attach,sales.app,support,en-US
      +14155550103,Attach,new.app,anything,en-US
    `);
    assertNoIssue(result.issues.filter((issue) => issue.row !== 2), 'read-only-change');
    // The mini app the export does not show yet could have any name: nothing to compare with.
    assertIssue(result, 'read-only-change', { line: 3, column: 31, field: 'MINIAPP_NAME', message: /after this row \+14155550102 has MINIAPP_NAME "sales", from its new mini app, not "support"/ });
  });

  it('passes empty cells, a Create (no live values yet), a Delete (its values go) and a number not live', async () => {
    const result = await checkLive(csv`
      NUMBER,OPERATION,COUNTRY,GROUP_ID,PROVIDER
      +14155550101,Detach,,,
      +14155550199,Create,CA,ocp,twilio
      +14155550102,Delete,CA,emea-support,
      +14155550198,Detach,CA,emea-support,
    `);
    assertNoIssue(result, 'read-only-change');
  });

  it('leaves <NULL>, its look-alikes and formulas to their own rules: one cell gets one diagnosis', async () => {
    const result = await checkLive('NUMBER,OPERATION,MINIAPP_NAME,COUNTRY\n+14155550101,Detach,<NULL>,NULL\n+14155550103,Detach,"=""x""",\n');
    assertIssue(result, 'null-not-allowed', { line: 2, column: 21 });
    assertIssue(result, 'formula', { line: 3, column: 21 });
    assertNoIssue(result, 'read-only-change');
  });
});
