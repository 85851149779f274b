import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { numbersCsv, noStackTrace, rowsOf, useTempDir } from './harness.js';

const FOUR_DELETES = 'NUMBER,OPERATION\n' + rowsOf('Delete', 4, 0);

describe('numbers-csv settings', () => {
  const dir = useTempDir();

  it('applies --config limits', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('tight.json', JSON.stringify({ limits: { Delete: 3 } }));
    const out = numbersCsv(['check', '--config', 'tight.json', 'deletes.csv'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.match(out.stdout, /^deletes\.csv:5:14: error: 4 Delete rows; the limit is 3 per file\..* \[limit-exceeded\]$/m);
    assert.match(out.stdout, /Delete 4\/3/);
  });

  it('reads numbers-csv.json from the current directory when there is no --config', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('numbers-csv.json', JSON.stringify({ limits: { Delete: 3 } }));
    assert.equal(numbersCsv(['check', 'deletes.csv'], { cwd: dir.path }).status, 1);
    mkdirSync(join(dir.path, 'elsewhere'));
    // From another directory, the defaults apply again.
    const elsewhere = numbersCsv(['check', join('..', 'deletes.csv')], { cwd: join(dir.path, 'elsewhere') });
    assert.equal(elsewhere.status, 0);
    assert.match(elsewhere.stdout, /Delete 4\/10/);
  });

  it('exits 2 naming a bad key, rather than falling back to a default limit', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('typo.json', JSON.stringify({ limits: { Delet: 3 } }));
    const out = numbersCsv(['check', '--config', 'typo.json', 'deletes.csv'], { cwd: dir.path });
    assert.equal(out.status, 2);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, 'numbers-csv: typo.json: limits: unknown key "Delet" (did you mean "Delete"?)\n');
  });

  it('exits 2 for a bad value, one line per problem', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('numbers-csv.json', JSON.stringify({ limits: { Delete: 'ten' }, colour: true }));
    const out = numbersCsv(['check', 'deletes.csv'], { cwd: dir.path });
    assert.equal(out.status, 2);
    const lines = out.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) assert.match(line, /^numbers-csv: numbers-csv\.json: /);
    assert.ok(lines.some((line) => line.includes('limits.Delete')));
    assert.ok(lines.some((line) => line.includes('"colour"')));
  });

  it('exits 2 with a clear message for invalid JSON or a missing config file', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('broken.json', '{"limits": {"Delete": ');
    const broken = numbersCsv(['check', '--config', 'broken.json', 'deletes.csv'], { cwd: dir.path });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^numbers-csv: broken\.json: invalid JSON: .+\n$/);
    noStackTrace(broken.stderr);
    const missing = numbersCsv(['check', '--config', 'nope.json', 'deletes.csv'], { cwd: dir.path });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'numbers-csv: cannot read config nope.json: no such file\n');
  });

  it('applies to fix and split too', () => {
    dir.write('deletes.csv', FOUR_DELETES);
    dir.write('numbers-csv.json', JSON.stringify({ limits: { Delete: 3 } }));
    const fixed = numbersCsv(['fix', 'deletes.csv'], { cwd: dir.path });
    assert.equal(fixed.status, 1);
    assert.match(fixed.stderr, /\[limit-exceeded\]/);
    const split = numbersCsv(['split', 'deletes.csv', '--out-dir', 'parts', '--allow-delete-split'], { cwd: dir.path });
    assert.equal(split.status, 0, split.stderr);
    assert.match(split.stdout, /deletes\.part-2\.csv: 1 row — .*Delete 1\/3$/m);
  });
});
