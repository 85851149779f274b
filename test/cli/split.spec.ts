import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBytes } from '@numbers-csv/shared';
import { numbersCsv, rowsOf, useTempDir } from './harness.js';

const HEADER = 'NUMBER,OPERATION\n';

/** 150 Detach rows (limit 100) and 5 Delete rows (limit 10). */
const OVER_DETACH = HEADER + rowsOf('Detach', 150, 0) + rowsOf('Delete', 5, 500);

/** 12 Delete rows (limit 10). */
const OVER_DELETE = HEADER + rowsOf('Delete', 12, 0) + rowsOf('Detach', 3, 100);

function dataRows(text: string): string[] {
  return text.split('\n').slice(1).filter((line) => line !== '');
}

describe('numbers-csv split', () => {
  const dir = useTempDir();

  it('writes parts that each pass every limit and together hold every row once, in order', () => {
    dir.write('batch.csv', OVER_DETACH);
    const out = numbersCsv(['split', 'batch.csv', '--out-dir', 'parts'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(out.stdout.split('\n'), [
      `${join('parts', 'batch.part-1.csv')}: 105 rows — Create 0/100, Update 0/800, Attach 0/800, Detach 100/100, Delete 5/10`,
      `${join('parts', 'batch.part-2.csv')}: 50 rows — Create 0/100, Update 0/800, Attach 0/800, Detach 50/100, Delete 0/10`,
      '',
    ]);
    assert.deepEqual(readdirSync(join(dir.path, 'parts')), ['batch.part-1.csv', 'batch.part-2.csv']);
    const parts = ['batch.part-1.csv', 'batch.part-2.csv'].map((name) => readFileSync(join(dir.path, 'parts', name)));
    for (const part of parts) {
      const { issues } = validateBytes(part);
      assert.deepEqual(issues.filter((issue) => issue.code === 'limit-exceeded'), []);
      assert.deepEqual(issues, []);
      assert.ok(part.toString('utf8').startsWith(HEADER));
    }
    const all = parts.flatMap((part) => dataRows(part.toString('utf8')));
    assert.deepEqual([...all].sort(), [...dataRows(OVER_DETACH)].sort());
    assert.equal(new Set(all).size, all.length);
    // The parts, checked by the CLI itself, are clean.
    assert.equal(numbersCsv(['check', 'parts'], { cwd: dir.path }).status, 0);
  });

  it('refuses Delete rows over the limit without --allow-delete-split, and writes nothing', () => {
    dir.write('deletes.csv', OVER_DELETE);
    const out = numbersCsv(['split', 'deletes.csv', '--out-dir', 'parts'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.equal(out.stdout, '');
    const [reason, ...lines] = out.stderr.trimEnd().split('\n');
    assert.match(reason ?? '', /^deletes\.csv: not split\. The file has 12 Delete rows and the limit is 10\. .*--allow-delete-split/);
    assert.deepEqual(lines, ['deletes.csv:12:14: error: 12 Delete rows; the limit is 10 per file. Split the file (numbers-csv split) or remove 2 rows. [limit-exceeded]']);
    assert.equal(existsSync(join(dir.path, 'parts')), false);
  });

  it('splits Delete rows when asked', () => {
    dir.write('deletes.csv', OVER_DELETE);
    const out = numbersCsv(['split', 'deletes.csv', '--out-dir', 'parts', '--allow-delete-split'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    const names = readdirSync(join(dir.path, 'parts'));
    assert.deepEqual(names, ['deletes.part-1.csv', 'deletes.part-2.csv']);
    for (const name of names) {
      const { issues } = validateBytes(readFileSync(join(dir.path, 'parts', name)));
      assert.deepEqual(issues.filter((issue) => issue.code === 'limit-exceeded'), []);
    }
  });

  it('refuses a file with other errors and lists them in the check format', () => {
    dir.write('broken.csv', HEADER + rowsOf('Detach', 101, 0) + '+14155559999,Remove\n');
    const out = numbersCsv(['split', 'broken.csv', '-o', 'parts'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.match(out.stderr, /^broken\.csv: not split\. The file has 1 error besides the limits\./);
    assert.match(out.stderr, /^broken\.csv:103:14: error: "Remove" is not an operation\..* \[unknown-operation\]$/m);
    assert.equal(existsSync(join(dir.path, 'parts')), false);
  });

  it('removes parts left over from an earlier, longer split', () => {
    dir.write('batch.csv', OVER_DETACH);
    const parts = join(dir.path, 'parts');
    assert.equal(numbersCsv(['split', 'batch.csv', '--out-dir', 'parts'], { cwd: dir.path }).status, 0);
    writeFileSync(join(parts, 'batch.part-3.csv'), HEADER + rowsOf('Detach', 1, 900));
    writeFileSync(join(parts, 'other.part-3.csv'), HEADER);
    const out = numbersCsv(['split', 'batch.csv', '--out-dir', 'parts'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.match(out.stderr, /batch\.part-3\.csv: removed, left over from an earlier split/);
    assert.deepEqual(readdirSync(parts).sort(), ['batch.part-1.csv', 'batch.part-2.csv', 'other.part-3.csv']);
  });

  it('keeps the byte order mark and line breaks of the original', () => {
    dir.write('crlf.csv', '\ufeff' + (HEADER + rowsOf('Detach', 101, 0)).replaceAll('\n', '\r\n'));
    assert.equal(numbersCsv(['split', 'crlf.csv', '--out-dir', '.'], { cwd: dir.path }).status, 0);
    const second = readFileSync(join(dir.path, 'crlf.part-2.csv'), 'utf8');
    assert.equal(second, '\ufeffNUMBER,OPERATION\r\n+14155550100,Detach\r\n');
  });

  it('exits 2 without --out-dir, for standard input, or for a missing file', () => {
    dir.write('batch.csv', OVER_DETACH);
    const noOut = numbersCsv(['split', 'batch.csv'], { cwd: dir.path });
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /^numbers-csv: split needs --out-dir <dir>\nUsage: numbers-csv split/);
    assert.equal(numbersCsv(['split', '-', '--out-dir', 'parts'], { cwd: dir.path, input: OVER_DETACH }).status, 2);
    const missing = numbersCsv(['split', 'missing.csv', '--out-dir', 'parts'], { cwd: dir.path });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'numbers-csv: cannot read missing.csv: no such file\n');
  });
});
