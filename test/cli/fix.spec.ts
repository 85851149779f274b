import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateBytes } from '@numbers-csv/shared';
import { csv } from '../helpers/issues.js';
import { MIXED } from './fixtures.js';
import { numbersCsv, useTempDir } from './harness.js';

const FIXABLE = csv`
  NUMBER,OPERATION,LOCALE,MINIAPP_ID
  +14155550101,attach,en-us,app.one
  +14155550102,DELETE,,
  ,,,
`;

const FIXED = csv`
  NUMBER,OPERATION,LOCALE,MINIAPP_ID
  +14155550101,Attach,en-US,app.one
  +14155550102,Delete,,
`;

describe('numbers-csv fix', () => {
  const dir = useTempDir();

  it('rewrites the file with --write, so that what was fixed is gone', () => {
    const file = dir.write('batch.csv', FIXABLE);
    const before = validateBytes(readFileSync(file)).issues.map((issue) => issue.code);
    assert.deepEqual(before.sort(), ['blank-row', 'locale-case', 'operation-case', 'operation-case']);
    const out = numbersCsv(['fix', 'batch.csv', '--write'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, 'batch.csv: 4 fixes applied (written); no issues remain\n');
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.deepEqual(validateBytes(readFileSync(file)).issues, []);
  });

  it('prints the fixed text without --write and leaves the file alone', () => {
    const file = dir.write('batch.csv', FIXABLE);
    const out = numbersCsv(['fix', 'batch.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.equal(out.stdout, FIXED);
    assert.match(out.stderr, /^batch\.csv: 4 fixes applied \(printed\); no issues remain\n$/);
    assert.equal(readFileSync(file, 'utf8'), FIXABLE);
  });

  it('fixes standard input to standard output', () => {
    const out = numbersCsv(['fix', '-'], { cwd: dir.path, input: FIXABLE });
    assert.equal(out.status, 0);
    assert.equal(out.stdout, FIXED);
  });

  it('keeps a byte order mark and writes UTF-8', () => {
    const file = dir.write('bom.csv', '\ufeff' + FIXABLE);
    const out = numbersCsv(['fix', '--write', 'bom.csv'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), FIXED);
  });

  it('converts a Windows-1252 file to UTF-8 and says so', () => {
    const file = dir.write('latin.csv', Buffer.from('NUMBER,OPERATION,NOTE\n+14155550101,detach,caf\xe9\n', 'latin1'));
    const out = numbersCsv(['fix', '--write', 'latin.csv'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stderr, /converted from windows-1252 to UTF-8/);
    assert.equal(readFileSync(file, 'utf8'), 'NUMBER,OPERATION,NOTE\n+14155550101,Detach,café\n');
  });

  it('exits 1 when errors remain, and lists them in the check format', () => {
    const file = dir.write('mixed.csv', MIXED);
    const out = numbersCsv(['fix', '-w', 'mixed.csv'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.deepEqual(out.stderr.split('\n'), [
      'mixed.csv: 2 fixes applied (written); 2 issues remain (2 errors, 0 warnings)',
      'mixed.csv:4:1: error: +14155550101 is already on row 1. The order in which rows run is not defined: keep one row per number. [duplicate-number]',
      // The blank row above it is gone, so the row moved up a line.
      'mixed.csv:5:14: error: "Remove" is not an operation. Use one of Create, Update, Attach, Detach, Delete. [unknown-operation]',
      '',
    ]);
    assert.deepEqual(
      validateBytes(readFileSync(file)).issues.map((issue) => issue.code),
      ['duplicate-number', 'unknown-operation'],
    );
  });

  it('does not touch a file that needs no fix', () => {
    const file = dir.write('fine.csv', FIXED);
    const out = numbersCsv(['fix', '--write', 'fine.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.equal(out.stderr, 'fine.csv: 0 fixes applied (nothing to write); no issues remain\n');
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });

  it('exits 2 for a missing file, a directory, two files, or --write with standard input', () => {
    assert.equal(numbersCsv(['fix', 'missing.csv'], { cwd: dir.path }).stderr, 'numbers-csv: cannot read missing.csv: no such file\n');
    const directory = numbersCsv(['fix', '.'], { cwd: dir.path });
    assert.equal(directory.status, 2);
    assert.equal(directory.stderr, 'numbers-csv: cannot fix .: it is a directory; name one file\n');
    dir.write('a.csv', FIXED);
    assert.equal(numbersCsv(['fix', 'a.csv', 'a.csv'], { cwd: dir.path }).status, 2);
    const stdin = numbersCsv(['fix', '-', '--write'], { cwd: dir.path, input: FIXABLE });
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /^numbers-csv: --write needs a file/);
  });
});
