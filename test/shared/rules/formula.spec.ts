import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check } from '../../helpers/issues.js';

describe('formulas', () => {
  it('unwraps Excel text-keeping formulas', () => {
    const text = 'NUMBER,OPERATION\n"=""+14155550101""",Detach\n';
    const issue = assertIssue(check(text), 'formula', { line: 2, column: 1, endColumn: 20, field: 'NUMBER', severity: 'error' });
    assert.equal(issue.fixes?.[0]?.safe, true);
    assert.equal(applyFix(text, issue), 'NUMBER,OPERATION\n+14155550101,Detach\n');
  });

  it('reports any other formula without guessing its result', () => {
    const result = check('NUMBER,OPERATION,NOTE\n+14155550101,Detach,=A1+B1\n+14155550102,Detach,@HYPERLINK(x)\n');
    assert.equal(assertIssue(result, 'formula', { line: 2, column: 21, field: 'NOTE' }).fixes, undefined);
    assertIssue(result, 'formula', { line: 3, column: 21 });
  });

  it('does not mistake a phone number or a dash for a formula', () => {
    assertNoIssue(check('NUMBER,OPERATION,NOTE\n+14155550101,Detach,- moved to support\n'), 'formula');
  });
});
