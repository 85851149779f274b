import { assertIssue, assertNoIssue, check } from '../../helpers/issues.js';

const HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

describe('Updates that change nothing', () => {
  it('warns when every changeable field is empty', () => {
    assertIssue(check(`${HEADER}\n+14155550101,Update,,,,,\n`), 'update-no-change', { line: 2, column: 14, field: 'OPERATION', severity: 'warning' });
  });

  it('counts <NULL> as a change', () => {
    assertNoIssue(check(`${HEADER}\n+14155550101,Update,,,,,<NULL>\n`), 'update-no-change');
  });
});
