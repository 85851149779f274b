import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { csv } from '../helpers/issues.js';
import { CLEAN, MIXED } from './fixtures.js';
import { noStackTrace, numbersCsv, runInProcess, useTempDir } from './harness.js';

describe('numbers-csv check', () => {
  const dir = useTempDir();

  it('exits 0 on a clean file and prints its summary with the counts against the limits', () => {
    dir.write('clean.csv', CLEAN);
    const out = numbersCsv(['check', 'clean.csv'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, 'clean.csv: 2 rows — Create 0/100, Update 0/800, Attach 0/800, Detach 1/100, Delete 1/10 — 0 errors, 0 warnings\n');
    assert.equal(out.stderr, '');
  });

  it('exits 1 on errors and prints one compiler-style line per issue, then the summary', () => {
    dir.write('mixed.csv', MIXED);
    const out = numbersCsv(['check', 'mixed.csv'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.deepEqual(out.stdout.split('\n'), [
      'mixed.csv:3:14: warning: Write "Detach", not "detach". [operation-case]',
      'mixed.csv:4:1: error: +14155550101 is already on row 1. The order in which rows run is not defined: keep one row per number. [duplicate-number]',
      'mixed.csv:5:1: warning: This row has no values. Remove it. [blank-row]',
      'mixed.csv:6:14: error: "Remove" is not an operation. Use one of Create, Update, Attach, Detach, Delete. [unknown-operation]',
      // Four rows hold values, though only three have an operation.
      'mixed.csv: 4 rows — Create 0/100, Update 0/800, Attach 1/800, Detach 1/100, Delete 1/10 — 2 errors, 2 warnings',
      '',
    ]);
  });

  it('exits 1 when any of several files has errors, and reports each', () => {
    dir.write('a.csv', CLEAN);
    dir.write('b.csv', MIXED);
    const out = numbersCsv(['check', 'a.csv', 'b.csv'], { cwd: dir.path });
    assert.equal(out.status, 1);
    assert.match(out.stdout, /^a\.csv: 2 rows .* 0 errors, 0 warnings$/m);
    assert.match(out.stdout, /^b\.csv: 4 rows .* 2 errors, 2 warnings$/m);
  });

  it('exits 2 with one clear line for a missing file, and no stack trace', () => {
    const out = numbersCsv(['check', 'missing.csv'], { cwd: dir.path });
    assert.equal(out.status, 2);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr, 'numbers-csv: cannot read missing.csv: no such file\n');
  });

  it('exits 2 for an unknown option, with a message and a short usage', () => {
    dir.write('clean.csv', CLEAN);
    const out = numbersCsv(['check', '--strict', 'clean.csv'], { cwd: dir.path });
    assert.equal(out.status, 2);
    assert.equal(out.stdout, '');
    const [first, second] = out.stderr.split('\n');
    assert.equal(first, "numbers-csv: unknown option '--strict'");
    assert.match(second ?? '', /^Usage: numbers-csv check <file\.\.\.\|dir\|->/);
    noStackTrace(out.stderr);
  });

  it('exits 2 for an unknown format, an unknown command, or no arguments', () => {
    dir.write('clean.csv', CLEAN);
    const format = numbersCsv(['check', '--format', 'xml', 'clean.csv'], { cwd: dir.path });
    assert.equal(format.status, 2);
    assert.match(format.stderr, /^numbers-csv: unknown format "xml"; use text, json or sarif\n/);
    const command = numbersCsv(['chek', 'clean.csv'], { cwd: dir.path });
    assert.equal(command.status, 2);
    assert.match(command.stderr, /^numbers-csv: unknown command "chek"\nUsage: /);
    const nothing = numbersCsv([], { cwd: dir.path });
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /^Usage: /);
    const noFile = numbersCsv(['check'], { cwd: dir.path });
    assert.equal(noFile.status, 2);
    assert.match(noFile.stderr, /^numbers-csv: check needs a file/);
  });

  it('prints the usage with --help and exits 0', () => {
    const out = numbersCsv(['--help'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.match(out.stdout, /numbers-csv check <file\.\.\.\|dir\|->/);
    assert.match(out.stdout, /numbers-csv split <file> --out-dir <dir>/);
    // The JSON contract says what a missing row or field looks like.
    assert.match(out.stdout, /or null when\s+the\s+issue belongs to no row or no column/);
    const command = numbersCsv(['check', '--help'], { cwd: dir.path });
    assert.equal(command.status, 0);
    assert.match(command.stdout, /^Usage: numbers-csv check/);
  });

  it('reads standard input for -', () => {
    const out = numbersCsv(['check', '-'], { cwd: dir.path, input: MIXED });
    assert.equal(out.status, 1);
    assert.match(out.stdout, /^<stdin>:6:14: error: .* \[unknown-operation\]$/m);
    assert.match(out.stdout, /^<stdin>: 4 rows — /m);
  });

  it('checks every *.csv file of a directory, sorted, without going into subdirectories', () => {
    dir.write('b.csv', CLEAN);
    dir.write('a.CSV', CLEAN);
    dir.write('notes.txt', 'not a csv');
    mkdirSync(join(dir.path, 'nested'));
    dir.write(join('nested', 'c.csv'), MIXED);
    const out = numbersCsv(['check', '.'], { cwd: dir.path });
    assert.equal(out.status, 0, out.stdout);
    assert.deepEqual(
      out.stdout.trimEnd().split('\n').map((line) => line.split(':')[0]),
      ['a.CSV', 'b.csv'],
    );
  });

  it('exits 2 for a directory without csv files', () => {
    mkdirSync(join(dir.path, 'empty'));
    const out = numbersCsv(['check', 'empty'], { cwd: dir.path });
    assert.equal(out.status, 2);
    assert.equal(out.stderr, 'numbers-csv: empty: no .csv files in this directory\n');
  });

  it('names an encoding other than plain UTF-8 in the summary, and counts columns as an editor shows them', () => {
    dir.write('bom.csv', '\ufeff' + csv`
      NUMBER,OPERATION,LOCAL
      +14155550101,Detach,x
    `);
    const out = numbersCsv(['check', 'bom.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.deepEqual(out.stdout.split('\n'), [
      // LOCAL starts at column 18 in an editor, which hides the byte order mark.
      'bom.csv:1:18: warning: Column 3, "LOCAL", is not a column the platform knows; did you mean LOCALE? [unknown-column]',
      'bom.csv: 1 row, utf-8 with BOM — Create 0/100, Update 0/800, Attach 0/800, Detach 1/100, Delete 0/10 — 0 errors, 1 warning',
      '',
    ]);
  });

  it('reports a Windows-1252 file as such', () => {
    dir.write('latin.csv', Buffer.from('NUMBER,OPERATION,NOTE\n+14155550101,Detach,caf\xe9\n', 'latin1'));
    const out = numbersCsv(['check', 'latin.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.match(out.stdout, /^latin\.csv:1:1: warning: .*Windows-1252.* \[encoding\]$/m);
    assert.match(out.stdout, /^latin\.csv: 1 row, windows-1252 — /m);
  });

  it('colours only a terminal, and not when NO_COLOR is set', async () => {
    dir.write('mixed.csv', MIXED);
    const tty = await runInProcess(['check', 'mixed.csv'], { cwd: dir.path, isTTY: true });
    assert.equal(tty.status, 1);
    assert.match(tty.stdout, /\u001b\[31merror\u001b\[39m/);
    const noColor = await runInProcess(['check', 'mixed.csv'], { cwd: dir.path, isTTY: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stdout, /\u001b\[/);
    const pipe = await runInProcess(['check', 'mixed.csv'], { cwd: dir.path, isTTY: false });
    assert.doesNotMatch(pipe.stdout, /\u001b\[/);
    assert.equal(pipe.stdout, noColor.stdout);
  });

  it('runs in-process with stdin, and never throws', async () => {
    const out = await runInProcess(['check', '-'], { cwd: dir.path, stdin: CLEAN });
    assert.equal(out.status, 0);
    assert.match(out.stdout, /^<stdin>: 2 rows — /);
    const missing = await runInProcess(['check', 'nope.csv'], { cwd: dir.path });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'numbers-csv: cannot read nope.csv: no such file\n');
  });
});
