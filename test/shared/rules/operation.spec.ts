import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

describe('OPERATION values', () => {
  it('accepts the five operations as the platform spells them', () => {
    const result = check(csv`
      NUMBER,OPERATION
      +14155550101,Detach
      +14155550102,Delete
    `);
    assertNoIssue(result, 'unknown-operation');
    assertNoIssue(result, 'operation-case');
  });

  it('flags another casing and fixes it safely', () => {
    const text = csv`
      NUMBER,OPERATION
      +14155550101,detach
    `;
    const issue = assertIssue(check(text), 'operation-case', { line: 2, column: 14, endColumn: 20, row: 1, field: 'OPERATION', severity: 'warning' });
    assert.equal(issue.fixes?.[0]?.safe, true);
    assert.equal(applyFix(text, issue), 'NUMBER,OPERATION\n+14155550101,Detach\n');
  });

  it('names an unknown operation and suggests the near one, without applying it on its own', () => {
    const text = csv`
      NUMBER,OPERATION
      +14155550101,Delet
    `;
    const issue = assertIssue(check(text), 'unknown-operation', { line: 2, column: 14, message: /did you mean Delete\?/ });
    assert.equal(issue.fixes?.[0]?.safe, false);
  });

  it('says which operations exist when nothing is close', () => {
    assertIssue(check(csv`
      NUMBER,OPERATION
      +14155550101,Remove
    `), 'unknown-operation', { line: 2, column: 14, message: /^"Remove" is not an operation\. Use one of Create, Update, Attach, Detach, Delete\.$/ });
  });
});
