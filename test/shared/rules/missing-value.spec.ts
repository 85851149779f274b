import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

describe('missing values', () => {
  it('needs NUMBER and OPERATION on every row', () => {
    const result = check(csv`
      NUMBER,OPERATION
      ,Detach
      +14155550102,
    `);
    assertIssue(result, 'missing-value', { line: 2, column: 1, endColumn: 1, field: 'NUMBER', row: 1, message: /every row needs one/ });
    assertIssue(result, 'missing-value', { line: 3, column: 14, field: 'OPERATION', row: 2 });
  });

  it('needs GROUP_ID and PROVIDER for Create, MINIAPP_ID and LOCALE for Attach', () => {
    const result = check(csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,LOCALE
      +14155550101,Create,,,,
      +14155550102,Attach,,,,
    `);
    assertIssue(result, 'missing-value', { line: 2, column: 21, field: 'GROUP_ID', message: /Create needs it/ });
    assertIssue(result, 'missing-value', { line: 2, column: 22, field: 'PROVIDER' });
    assertIssue(result, 'missing-value', { line: 3, column: 23, field: 'MINIAPP_ID', message: /Attach needs it/ });
    assertIssue(result, 'missing-value', { line: 3, column: 24, field: 'LOCALE' });
  });

  it('lets an Update leave fields empty, which means "leave as is"', () => {
    assertNoIssue(check(csv`
      NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
      +14155550101,Update,,,,,moved
    `), 'missing-value');
  });

  it('treats a cell of spaces as empty, and a quoted empty cell too', () => {
    const result = check('NUMBER,OPERATION\n   ,Detach\n"",Detach\n');
    assertIssue(result, 'missing-value', { line: 2, column: 1, endColumn: 4 });
    assertIssue(result, 'missing-value', { line: 3, column: 1, endColumn: 3 });
  });
});
