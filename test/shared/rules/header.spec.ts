import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { fixAll } from '@numbers-csv/shared';
import { assertIssue, assertNoIssue, check, csv, settings } from '../../helpers/issues.js';

describe('the header', () => {
  describe('missing-operation-column', () => {
    it('reads a file without OPERATION as an export and says what to add', () => {
      const result = check(csv`
        NUMBER,LOCALE
        +14155550101,en-US
      `);
      assertIssue(result, 'missing-operation-column', { line: 1, column: 1, endColumn: 14, severity: 'error', message: /Add an OPERATION column/ });
    });

    it('still checks the values of an export', () => {
      assertIssue(check('NUMBER\n1.41555E+10\n'), 'number-scientific', { line: 2, column: 1 });
    });
  });

  describe('missing-column', () => {
    it('names the column and the operations that need it', () => {
      const result = check(csv`
        NUMBER,OPERATION,MINIAPP_ID
        +14155550101,Attach,app.one
      `);
      const issue = assertIssue(result, 'missing-column', { line: 1, column: 1, field: 'LOCALE', message: /Attach rows need a LOCALE column/ });
      assert.equal(issue.fixes, undefined, 'Attach needs a value in LOCALE: an empty column would not do');
    });

    it('adds a column whose cells may stay empty', () => {
      const text = csv`
        NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE
        +14155550101,Update,app.one,,,
        +14155550102,Update,,,,fr-FR
      `;
      const issue = assertIssue(check(text), 'missing-column', { line: 1, column: 1, field: 'NOTE', message: /may stay empty/ });
      const fixed = applyFix(text, issue);
      assert.equal(fixed, text.replace('LOCALE\n', 'LOCALE,NOTE\n').replace(',,,\n', ',,,,\n').replace('fr-FR\n', 'fr-FR,\n'));
      assert.deepEqual(check(fixed).issues, []);
    });

    it('leaves the rename to unknown-column when the header already has the column under another spelling', () => {
      const text = 'NUMBER,OPERATION,MINIAPP_ID,Phone Number Set Id,APPLICATION_TAG,LOCALE,NOTE\n+14155550101,Update,,set2,,,\n';
      const issue = assertIssue(check(text), 'missing-column', { line: 1, column: 1, field: 'PHONE_NUMBER_SET_ID', message: /writes it "Phone Number Set Id"\. Rename it\./ });
      assert.equal(issue.fixes, undefined);
      assert.equal(fixAll(text, settings()).text, text.replace('Phone Number Set Id', 'PHONE_NUMBER_SET_ID'));
    });

    it('asks nothing of operations that are not in the file', () => {
      assertNoIssue(check('NUMBER,OPERATION\n+14155550101,Delete\n'), 'missing-column');
    });
  });

  describe('unknown-column', () => {
    it('suggests the column a near miss means', () => {
      const text = csv`
        NUMBER,OPERATION,MINIAPP_ID,LOCAL
        +14155550101,Attach,app.one,en-US
      `;
      const issue = assertIssue(check(text), 'unknown-column', { line: 1, column: 29, endColumn: 34, field: 'LOCAL', severity: 'warning', message: /did you mean LOCALE\?/ });
      assert.equal(issue.fixes?.[0]?.safe, false, 'a typo is a guess');
      assert.deepEqual(check(applyFix(text, issue)).issues, []);
    });

    it('renames safely when only case and spaces differ and every cell is valid', () => {
      const text = csv`
        NUMBER,OPERATION,MINIAPP_ID,Locale
        +14155550101,Attach,app.one,en-US
      `;
      const issue = assertIssue(check(text), 'unknown-column', { line: 1, column: 29 });
      assert.equal(issue.fixes?.[0]?.safe, true);
      assert.equal(applyFix(text, issue), text.replace('Locale', 'LOCALE'));
    });

    it('does not rename safely when the cells would then be errors', () => {
      const issue = assertIssue(check(csv`
        NUMBER,OPERATION,MINIAPP_ID,Locale
        +14155550101,Attach,app.one,english
      `), 'unknown-column', { line: 1, column: 29 });
      assert.equal(issue.fixes?.[0]?.safe, false);
    });

    it('leaves renames that change how every row reads to a person', () => {
      const issue = assertIssue(check('NUMBER,Operation\n+14155550101,Delete\n'), 'unknown-column', { line: 1, column: 8, message: /did you mean OPERATION\?/ });
      assert.equal(issue.fixes?.[0]?.safe, false);
    });

    it('names a column nobody knows, without a fix', () => {
      const issue = assertIssue(check('NUMBER,OPERATION,OWNER_EMAIL\n+14155550101,Delete,a@b.c\n'), 'unknown-column', { line: 1, column: 18, message: /would be ignored/ });
      assert.equal(issue.fixes, undefined);
    });

    it('removes trailing columns with no name and no values', () => {
      const text = 'NUMBER,OPERATION,,\n+14155550101,Delete,,\n';
      const result = check(text);
      const issue = assertIssue(result, 'unknown-column', { line: 1, column: 18, message: /Column 3 has no name and no values/ });
      assertIssue(result, 'unknown-column', { line: 1, column: 19, message: /Column 4 has no name/ });
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,\n+14155550101,Delete,\n');
    });
  });

  describe('duplicate-column', () => {
    it('points at the second one and relates the first', () => {
      const issue = assertIssue(check('NUMBER,OPERATION,NOTE,NOTE\n+14155550101,Delete,a,b\n'), 'duplicate-column', { line: 1, column: 23, endColumn: 27, field: 'NOTE', severity: 'error' });
      assert.deepEqual(issue.related?.[0]?.range, { start: { line: 0, character: 17 }, end: { line: 0, character: 21 } });
    });
  });
});

describe('missing-column with rows of another length', () => {
  it('offers no column to add when a row is longer or shorter than the header', () => {
    const text = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE\n+14155550101,Update,app,,,,<NULL>\n';
    const issue = assertIssue(check(text), 'missing-column', { line: 1, column: 1, field: 'NOTE' });
    assert.equal(issue.fixes, undefined);
  });
});
