import assert from 'node:assert/strict';
import { assertIssue, assertNoIssue, check, describe as list } from '../../helpers/issues.js';

function rows(operation: string, count: number, first = 0): string {
  return Array.from({ length: count }, (_, i) => `+1415555${String(first + i).padStart(4, '0')},${operation}\n`).join('');
}

describe('across rows', () => {
  describe('duplicate-number', () => {
    it('reports the later row and points at the first', () => {
      const result = check('NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Detach\n+14155550101,Detach\n');
      const issue = assertIssue(result, 'duplicate-number', { line: 4, column: 1, endColumn: 13, row: 3, field: 'NUMBER', message: /already on row 1/ });
      assert.deepEqual(issue.related?.[0]?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
      assert.equal(result.issues.filter((i) => i.code === 'duplicate-number').length, 1, list(result.issues));
    });

    it('compares numbers as meant, not as written', () => {
      const result = check('NUMBER,OPERATION,COUNTRY\n+14155550101,Delete,US\n"(415) 555-0101",Detach,US\n3F2C1A7E-8B4D-4C2A-9E1F-0A1B2C3D4E5F,Detach,\n3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f,Detach,\n');
      assertIssue(result, 'duplicate-number', { line: 3, column: 1, row: 2 });
      assertIssue(result, 'duplicate-number', { line: 5, column: 1, row: 4 });
    });
  });

  describe('limit-exceeded', () => {
    it('names the operation, the count and the limit, once, at the first row over it', () => {
      const result = check(`NUMBER,OPERATION\n${rows('Delete', 12)}`);
      const issues = result.issues.filter((issue) => issue.code === 'limit-exceeded');
      assert.equal(issues.length, 1);
      assertIssue(result, 'limit-exceeded', { line: 12, column: 14, row: 11, field: 'OPERATION', message: /^12 Delete rows; the limit is 10 per file\. .*remove 2 rows\.$/ });
    });

    it('accepts a file at the limit, and reads limits from settings', () => {
      const text = `NUMBER,OPERATION\n${rows('Delete', 10)}${rows('Detach', 3, 100)}`;
      assertNoIssue(check(text), 'limit-exceeded');
      assertIssue(check(text, { limits: { Detach: 2 } }), 'limit-exceeded', { line: 14, column: 14, message: /3 Detach rows; the limit is 2/ });
      assertIssue(check(text, { limits: { Delete: 0 } }), 'limit-exceeded', { line: 2, column: 14, message: /not allowed here/ });
    });

    it('counts operations whatever their case, as the table does', () => {
      const result = check(`NUMBER,OPERATION\n${rows('delete', 11)}`);
      assert.equal(result.table.counts.Delete, 11);
      assertIssue(result, 'limit-exceeded', { line: 12, column: 14 });
    });
  });
});
