import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

describe('NUMBER values', () => {
  it('accepts E.164 numbers and UUIDs', () => {
    const result = check(csv`
      NUMBER,OPERATION
      +14155550101,Detach
      3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f,Detach
    `);
    assert.deepEqual(result.issues, []);
  });

  it('refuses what is neither, at the cell', () => {
    assertIssue(check(csv`
      NUMBER,OPERATION
      call-me,Detach
    `), 'invalid-number', { line: 2, column: 1, endColumn: 8, row: 1, field: 'NUMBER', severity: 'error' });
  });

  it('narrows to the formats the environment accepts', () => {
    const text = csv`
      NUMBER,OPERATION
      +14155550101,Detach
      3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f,Detach
    `;
    assertIssue(check(text, { numberFormats: ['uuid'] }), 'invalid-number', { line: 2, column: 1, message: /phone numbers are not accepted/ });
    assertIssue(check(text, { numberFormats: ['e164'] }), 'invalid-number', { line: 3, column: 1, message: /UUIDs are not accepted/ });
  });

  it('catches scientific notation, which has lost digits, and offers no fix', () => {
    const issue = assertIssue(check(csv`
      NUMBER,OPERATION
      1.41555E+10,Detach
    `), 'number-scientific', { line: 2, column: 1, endColumn: 12 });
    assert.equal(issue.fixes, undefined);
  });

  it('restores a lost + when the digits can only mean one number', () => {
    const text = csv`
      NUMBER,OPERATION
      14155550101,Detach
    `;
    const issue = assertIssue(check(text), 'number-missing-plus', { line: 2, column: 1, message: /\+14155550101/ });
    assert.equal(issue.fixes?.[0]?.safe, true);
    assert.equal(applyFix(text, issue), 'NUMBER,OPERATION\n+14155550101,Detach\n');
  });

  it('offers both readings, neither applied on its own, when the digits are ambiguous', () => {
    // 4155550101 reads as a Swiss number internationally and as a US number nationally.
    const text = csv`
      NUMBER,OPERATION,COUNTRY
      4155550101,Detach,US
    `;
    const issue = assertIssue(check(text), 'number-missing-plus', { line: 2, column: 1 });
    const fixes = issue.fixes ?? [];
    assert.ok(fixes.length >= 1);
    assert.ok(fixes.some((fix) => fix.title === 'Change to +14155550101'), fixes.map((fix) => fix.title).join());
    if (fixes.length > 1) assert.ok(fixes.every((fix) => !fix.safe));
  });

  it('rewrites a number written for people as E.164, reading it in the row COUNTRY', () => {
    const text = csv`
      NUMBER,OPERATION,COUNTRY
      (415) 555-0101,Detach,US
      "+44 20 7946 0958",Detach,
      030 901820,Detach,DE
    `;
    const result = check(text);
    assert.equal(applyFix(text, assertIssue(result, 'number-formatting', { line: 2, column: 1, endColumn: 15 })), text.replace('(415) 555-0101', '+14155550101'));
    assert.equal(applyFix(text, assertIssue(result, 'number-formatting', { line: 3, column: 1, endColumn: 19 })), text.replace('"+44 20 7946 0958"', '+442079460958'));
    assert.equal(applyFix(text, assertIssue(result, 'number-formatting', { line: 4, column: 1 })), text.replace('030 901820', '+4930901820'));
  });

  it('cannot fix a national number without a country, and says how to help it', () => {
    const issue = assertIssue(check(csv`
      NUMBER,OPERATION
      (415) 555-0101,Detach
    `), 'number-formatting', { line: 2, column: 1, message: /Set COUNTRY/ });
    assert.equal(issue.fixes, undefined);
  });

  it('checks the trimmed value, leaving the spaces to the whitespace rule', () => {
    const result = check('NUMBER,OPERATION\n +14155550101 ,Detach\n');
    assertNoIssue(result, 'invalid-number');
    assertIssue(result, 'whitespace', { line: 2, column: 1 });
  });
});

describe('NUMBER values of the wrong length', () => {
  it('calls a + and too few or too many digits invalid, not formatted', () => {
    const result = check('NUMBER,OPERATION\n+1415555,Detach\n+1234567890123456,Detach\n');
    assertIssue(result, 'invalid-number', { line: 2, column: 1, message: /has 7 digits; an E\.164 number has 8 to 15/ });
    assertIssue(result, 'invalid-number', { line: 3, column: 1, message: /has 16 digits/ });
  });
});
