import assert from 'node:assert/strict';
import type { JsonReport } from '@numbers-csv/cli';
import { MIXED } from './fixtures.js';
import { numbersCsv, useTempDir } from './harness.js';

describe('numbers-csv check --format json', () => {
  const dir = useTempDir();

  it('prints one document with the files, their counts, and every issue located 1-based', () => {
    dir.write('mixed.csv', MIXED);
    const out = numbersCsv(['check', '--format', 'json', 'mixed.csv'], { cwd: dir.path });
    assert.equal(out.status, 1);
    const report = JSON.parse(out.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['files']);
    const [file] = report.files;
    assert.ok(file);
    assert.equal(report.files.length, 1);
    assert.deepEqual(Object.keys(file), ['path', 'encoding', 'rows', 'counts', 'issues']);
    assert.equal(file.path, 'mixed.csv');
    assert.equal(file.encoding, 'utf-8');
    assert.equal(file.rows, 4);
    assert.deepEqual(file.counts, { Create: 0, Update: 0, Attach: 1, Detach: 1, Delete: 1 });
    assert.deepEqual(
      file.issues.map((issue) => issue.code),
      ['operation-case', 'duplicate-number', 'blank-row', 'unknown-operation'],
    );
    assert.deepEqual(file.issues[1], {
      code: 'duplicate-number',
      severity: 'error',
      message: '+14155550101 is already on row 1. The order in which rows run is not defined: keep one row per number.',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 13,
      row: 3,
      field: 'NUMBER',
    });
    assert.deepEqual(file.issues[0], {
      code: 'operation-case',
      severity: 'warning',
      message: 'Write "Detach", not "detach".',
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 20,
      row: 2,
      field: 'OPERATION',
    });
    // A blank row belongs to no column.
    assert.equal(file.issues[2]?.row, 4);
    assert.equal(file.issues[2]?.field, null);
  });

  it('gives null for row and field where an issue has neither', () => {
    dir.write('header.csv', 'NUMBER,OPERATION,LOCAL\n+14155550101,Detach,x\n');
    const out = numbersCsv(['check', '-f', 'json', 'header.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    const [issue] = (JSON.parse(out.stdout) as JsonReport).files[0]?.issues ?? [];
    assert.equal(issue?.code, 'unknown-column');
    assert.equal(issue?.row, null);
    // The core names the column as written for an unknown column.
    assert.equal(issue?.field, 'LOCAL');
    const encodingIssue = numbersCsv(['check', '-f', 'json', '-'], { cwd: dir.path, input: Buffer.from('NUMBER,OPERATION\n+14155550101,D\xe9tach\n', 'latin1') });
    const issues = (JSON.parse(encodingIssue.stdout) as JsonReport).files[0]?.issues ?? [];
    assert.deepEqual(issues[0] && { code: issues[0].code, row: issues[0].row, field: issues[0].field, line: issues[0].line, column: issues[0].column }, { code: 'encoding', row: null, field: null, line: 1, column: 1 });
  });

  it('puts several files, and nothing else, in the one document', () => {
    dir.write('a.csv', MIXED);
    dir.write('b.csv', 'NUMBER,OPERATION\n+14155550101,Detach\n');
    const out = numbersCsv(['check', '--format=json', '.'], { cwd: dir.path });
    const report = JSON.parse(out.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => [file.path, file.issues.length]), [['a.csv', 4], ['b.csv', 0]]);
    assert.equal(out.stderr, '');
  });
});
