import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

describe('the structure of the file', () => {
  describe('quotes', () => {
    it('places an unclosed quote at the quote that opens it, and reads on', () => {
      const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,"moved\n+14155550102,Delete,ok\n1.4E+10,Delete,\n';
      const result = check(text);
      assertIssue(result, 'unclosed-quote', { line: 2, column: 21, endColumn: 22, row: 1, severity: 'error' });
      // Rows after the broken one are still read and checked.
      assertIssue(result, 'number-scientific', { line: 4, column: 1, row: 3 });
      assert.equal(result.table.rows.length, 3);
    });

    it('places an unclosed quote at the end of the file at its opening quote too', () => {
      assertIssue(check('NUMBER,OPERATION,NOTE\n+14155550101,Delete,"moved'), 'unclosed-quote', { line: 2, column: 21 });
    });

    it('flags a quote inside an unquoted field and fixes it by quoting the field', () => {
      const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,5" screen\n';
      const issue = assertIssue(check(text), 'stray-quote', { line: 2, column: 22, endColumn: 23, row: 1 });
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,"5"" screen"\n');
    });

    it('flags text after a closing quote', () => {
      const issue = assertIssue(check('NUMBER,OPERATION,NOTE\n+14155550101,Delete,"a"b\n'), 'stray-quote', { line: 2, column: 23 });
      assert.equal(issue.fixes?.[0]?.safe, false);
    });

    it('removes spaces before an opening quote', () => {
      const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Delete, "a, b"\n';
      const result = check(text);
      const issue = assertIssue(result, 'stray-quote', { line: 2, column: 22 });
      assertNoIssue(result, 'field-count');
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,"a, b"\n');
    });
  });

  describe('field-count', () => {
    it('reports missing fields and adds them when they may be empty', () => {
      const text = csv`
        NUMBER,OPERATION,NOTE
        +14155550101,Delete
      `;
      const issue = assertIssue(check(text), 'field-count', { line: 2, column: 1, endColumn: 20, message: /missing: NOTE/ });
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,\n');
    });

    it('removes empty trailing fields, which spreadsheets add', () => {
      const text = 'NUMBER,OPERATION\n+14155550101,Delete,,\n';
      const issue = assertIssue(check(text), 'field-count', { line: 2, column: 21, endColumn: 22, message: /the last 2 are empty/ });
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION\n+14155550101,Delete\n');
    });

    it('does not guess which extra value is misplaced', () => {
      const issue = assertIssue(check('NUMBER,OPERATION\n+14155550101,Delete,oops\n'), 'field-count', { line: 2, column: 21 });
      assert.equal(issue.fixes, undefined);
    });
  });

  describe('blank-row', () => {
    it('flags empty rows, including rows of separators, and removes them', () => {
      const text = 'NUMBER,OPERATION\n+14155550101,Delete\n,\n\n';
      const result = check(text);
      const first = assertIssue(result, 'blank-row', { line: 3, column: 1, row: 2, severity: 'warning' });
      assertIssue(result, 'blank-row', { line: 4, column: 1, row: 3 });
      assert.equal(applyFix(text, first), 'NUMBER,OPERATION\n+14155550101,Delete\n\n');
    });
  });

  describe('wrong-delimiter', () => {
    it('reads a semicolon file with its own separator and rewrites it with commas', () => {
      const text = 'NUMBER;OPERATION;NOTE\r\n+14155550101;Delete;a, b\r\n';
      const result = check(text);
      const issue = assertIssue(result, 'wrong-delimiter', { line: 1, column: 7, severity: 'error', message: /semicolons/ });
      assert.deepEqual(result.table.header?.names, ['NUMBER', 'OPERATION', 'NOTE']);
      assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,NOTE\r\n+14155550101,Delete,"a, b"\r\n');
    });

    it('recognises tabs', () => {
      assertIssue(check('NUMBER\tOPERATION\n+14155550101\tDelete\n'), 'wrong-delimiter', { line: 1, column: 7, message: /tabs/ });
    });
  });

  describe('whitespace', () => {
    it('trims values, header names included', () => {
      const text = 'NUMBER ,OPERATION\n+14155550101, Delete\n';
      const result = check(text);
      assertIssue(result, 'whitespace', { line: 1, column: 1, endColumn: 8, field: 'NUMBER' });
      const cell = assertIssue(result, 'whitespace', { line: 2, column: 14, field: 'OPERATION', row: 1 });
      assert.equal(applyFix(text, cell), 'NUMBER ,OPERATION\n+14155550101,Delete\n');
    });
  });

  describe('the byte order mark and line ends', () => {
    it('accepts a byte order mark and reports it on the table', () => {
      const result = check('\ufeffNUMBER,OPERATION\r\n+14155550101,Delete\r\n');
      assert.deepEqual(result.issues, []);
      assert.equal(result.table.bom, true);
      assert.equal(result.table.lineBreak, '\r\n');
    });

    it('places fields exactly after multi-line quoted values and CRLF', () => {
      const result = check('NUMBER,OPERATION,NOTE\r\n+14155550101,Delete,"two\r\nlines"\r\n+1415555010X,Delete,\r\n');
      assertIssue(result, 'invalid-number', { line: 4, column: 1, endColumn: 13, row: 2 });
    });
  });

  describe('empty-file and file-too-large', () => {
    it('says an empty file is empty', () => {
      assertIssue(check(''), 'empty-file', { line: 1, column: 1 });
      assertIssue(check('\n\n'), 'empty-file', { line: 1, column: 1 });
    });

    it('counts the cap in UTF-8 bytes, not characters', () => {
      const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,ééééé\n';
      assert.equal(text.length, 48);
      assert.deepEqual(check(text, { maxFileBytes: 52 }).issues.map((issue) => issue.code), ['file-too-large']);
      assert.deepEqual(check(text, { maxFileBytes: 53 }).issues, []);
    });

    it('refuses a file over the cap before reading it', () => {
      const result = check('NUMBER,OPERATION\n+14155550101,Delete\n', { maxFileBytes: 10 });
      assert.deepEqual(result.issues.map((issue) => issue.code), ['file-too-large']);
    });
  });
});
