import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

describe('<NULL> and its look-alikes', () => {
  it('lets <NULL> clear a field of an Update', () => {
    assert.deepEqual(check(`${UPDATE_HEADER}\n+14155550101,Update,<NULL>,,,,<NULL>\n`).issues, []);
  });

  it('refuses <NULL> where a value cannot be cleared', () => {
    const result = check(csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,LOCALE,MINIAPP_ID
      <NULL>,Detach,,,,
      +14155550102,Create,<NULL>,twilio,,
      +14155550103,Attach,,,<NULL>,app
    `);
    assertIssue(result, 'null-not-allowed', { line: 2, column: 1, field: 'NUMBER', message: /NUMBER cannot be cleared/ });
    assertIssue(result, 'null-not-allowed', { line: 3, column: 21, field: 'GROUP_ID', message: /GROUP_ID cannot be cleared. Write a value instead./ });
    assertIssue(result, 'null-not-allowed', { line: 4, column: 23, field: 'LOCALE', message: /only in Update rows, not in Attach/ });
  });

  it('reads NULL, null and (null) as meant to be <NULL> in an Update, and fixes them', () => {
    const text = `${UPDATE_HEADER}\n+14155550101,Update,NULL,(null),,,null\n`;
    const result = check(text);
    const first = assertIssue(result, 'null-lookalike', { line: 2, column: 21, endColumn: 25, field: 'MINIAPP_ID', severity: 'warning' });
    assert.equal(applyFix(text, first), `${UPDATE_HEADER}\n+14155550101,Update,<NULL>,(null),,,null\n`);
    assertIssue(result, 'null-lookalike', { line: 2, column: 26, field: 'PHONE_NUMBER_SET_ID' });
    assertIssue(result, 'null-lookalike', { line: 2, column: 35, field: 'NOTE' });
  });

  it('reads a look-alike written with spaces, and leaves words that start like null alone', () => {
    const result = check(`${UPDATE_HEADER}\n+14155550101,Update,< NULL >,[  null  ],,,Nulled on purpose\n`);
    assertIssue(result, 'null-lookalike', { line: 2, column: 21, field: 'MINIAPP_ID' });
    assertIssue(result, 'null-lookalike', { line: 2, column: 30, field: 'PHONE_NUMBER_SET_ID' });
    assert.equal(result.issues.filter((issue) => issue.code === 'null-lookalike').length, 2, 'NOTE holds a sentence, not a look-alike');
  });

  it('warns about a look-alike where <NULL> is not allowed, without a fix', () => {
    const issue = assertIssue(check(csv`
      NUMBER,OPERATION,MINIAPP_ID,LOCALE
      +14155550101,Attach,null,en-US
    `), 'null-lookalike', { line: 2, column: 21, message: /only in Update rows/ });
    assert.equal(issue.fixes, undefined);
  });

  it('leaves NULL in NUMBER to the number check', () => {
    const result = check('NUMBER,OPERATION\nNULL,Detach\n');
    assertNoIssue(result, 'null-lookalike');
    assertIssue(result, 'invalid-number', { line: 2, column: 1 });
  });
});
