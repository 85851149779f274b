import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { MAIN, noStackTrace, numbersCsvAsync, runInProcess, useTempDir, type Outcome } from './harness.js';

const MIXED = readFileSync(new URL('../../../examples/mixed.csv', import.meta.url), 'utf8');

/** The command line against a sandbox started for each test: export, plan and apply for real. */
describe('numbers-csv export, plan and apply, against the sandbox', function () {
  this.timeout(30_000);
  const dir = useTempDir();
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  const as = (token: string) => ({ NUMBERS_API_BASE_URL: sandbox.baseUrl, NUMBERS_API_TOKEN: token, NO_COLOR: '1' });
  const cli = (args: string[], token: string = SANDBOX_TOKENS.owner): Promise<Outcome> => numbersCsvAsync(args, { cwd: dir.path, env: as(token) });
  const puts = () => sandbox.requests().filter((request) => request.method === 'PUT').length;
  const number = (value: string) => sandbox.numbers().find((row) => row.NUMBER === value);

  describe('export', () => {
    it('writes the live numbers to standard output, as the platform sends them', async () => {
      const out = await cli(['export']);
      assert.equal(out.status, 0, out.stderr);
      const lines = out.stdout.trimEnd().split('\n');
      assert.equal(lines[0], 'APPLICATION_TAG,COUNTRY,GROUP_ID,LOCALE,MINIAPP_DIAMANT_APP_NAME,MINIAPP_GROUP,MINIAPP_ID,MINIAPP_NAME,MINIAPP_TYPE,NUMBER,PHONE_NUMBER_SET_ID,NOTE');
      assert.equal(lines.length - 1, sandbox.numbers().length);
      assert.ok(out.stdout.includes('+14155550121'));
    });

    it('writes to a file with --out, whole', async () => {
      const out = await cli(['export', '--out', 'numbers.csv']);
      assert.equal(out.status, 0, out.stderr);
      assert.equal(out.stdout, '');
      const written = readFileSync(join(dir.path, 'numbers.csv'), 'utf8');
      assert.equal(written.trimEnd().split('\n').length - 1, sandbox.numbers().length);
    });

    it('says what to set when there is no API to talk to, and exits 2', async () => {
      const out = await numbersCsvAsync(['export'], { cwd: dir.path, env: { NUMBERS_API_BASE_URL: '', NUMBERS_API_TOKEN: '' } });
      assert.equal(out.status, 2);
      assert.match(out.stderr, /^numbers-csv: no numbers API to talk to: set NUMBERS_API_BASE_URL \(or --base-url\)/);
      noStackTrace(out.stderr);
    });

    it('reports a refused token in one line, without the token', async () => {
      const out = await cli(['export'], 'not-a-token');
      assert.equal(out.status, 2);
      assert.match(out.stderr, /^numbers-csv: cannot export: /);
      assert.ok(!out.stderr.includes('not-a-token'));
      noStackTrace(out.stderr);
    });
  });

  describe('plan', () => {
    it('shows what each row will do, with each field before and after, and exits 0', async () => {
      dir.write('mixed.csv', MIXED);
      const out = await cli(['plan', 'mixed.csv']);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /^ {4}2 {2}\+14155550111 {2}Update {5}update$/m);
      assert.match(out.stdout, /NOTE {8}\(empty\) → Support line/);
      assert.match(out.stdout, /^ {4}4 {2}\+14155550113 {2}Detach {5}detach$/m);
      assert.match(out.stdout, /5 rows: 1 create, 1 update, 1 attach, 1 detach, 1 delete, none will fail\. Groups touched: ocp;/);
      assert.equal(puts(), 0, 'a plan never applies');
    });

    it('names each row that will fail, with its reason and code, and exits 1', async () => {
      dir.write('batch.csv', 'NUMBER,OPERATION\n+14155550120,Delete\n+14155550199,Delete\n');
      const out = await cli(['plan', 'batch.csv']);
      assert.equal(out.status, 1, out.stderr);
      assert.match(out.stdout, /^ {4}2 {2}\+14155550199 {2}Delete {5}will fail$/m);
      assert.match(out.stdout, /\[number-not-found\]/);
      assert.match(out.stdout, /1 delete, 1 will fail \(row 2\)/);
    });

    it('reports rows in groups the user does not own, given --owner-of', async () => {
      dir.write('uk.csv', 'NUMBER,OPERATION\n+442079460958,Delete\n');
      const out = await cli(['plan', 'uk.csv', '--owner-of', 'ocp']);
      assert.equal(out.status, 1);
      assert.match(out.stdout, /\[group-not-owned\]/);
    });
  });

  describe('apply', () => {
    it('applies once with --yes, prints each row’s result, and changes the live numbers', async () => {
      dir.write('mixed.csv', MIXED);
      const out = await cli(['apply', 'mixed.csv', '--yes']);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /^ {4}1 {2}\+14155550110 {2}Create {5}OK {6}Created in group ocp\.$/m);
      assert.match(out.stdout, /5 OK, 0 failed\./);
      assert.equal(puts(), 1);
      assert.equal(number('+14155550114'), undefined, 'the Delete ran');
      assert.equal(number('+14155550110')?.GROUP_ID, 'ocp', 'the Create ran');
      assert.ok(!existsSync(join(dir.path, 'mixed.failed.csv')));
    });

    it('writes the rows that failed next to the file, exactly as written, and exits 1', async () => {
      dir.write('batch.csv', 'NUMBER,OPERATION,NOTE\r\n+14155550120,Delete,\r\n+14155550199,Delete,"gone, already"\r\n');
      const out = await cli(['apply', 'batch.csv', '--yes']);
      assert.equal(out.status, 1, out.stderr);
      assert.match(out.stdout, /1 OK, 1 failed\./);
      assert.match(out.stderr, /batch\.failed\.csv: the 1 row that failed, to fix and apply again/);
      assert.equal(readFileSync(join(dir.path, 'batch.failed.csv'), 'utf8'), 'NUMBER,OPERATION,NOTE\r\n+14155550199,Delete,"gone, already"\r\n');
    });

    it('does not upload a file the platform would refuse as a whole', async () => {
      dir.write('bad.csv', 'NUMBER,OPERATION\n+14155550120,Remove\n');
      const out = await cli(['apply', 'bad.csv', '--yes']);
      assert.equal(out.status, 1);
      assert.match(out.stderr, /not applied: the platform would refuse the whole file/);
      assert.equal(puts(), 0);
    });

    it('reports a refusal of the platform, with the groups it names, and exits 1', async () => {
      dir.write('uk.csv', 'NUMBER,OPERATION\n+442079460958,Delete\n');
      const out = await cli(['apply', 'uk.csv', '--yes'], SANDBOX_TOKENS.ownerOcp);
      assert.equal(out.status, 1, out.stderr);
      assert.match(out.stderr, /refused by the platform; no row ran/);
      assert.match(out.stderr, /groups: ocp-uk/);
      assert.ok(number('+442079460958'), 'nothing was deleted');
      noStackTrace(out.stderr);
    });

    it('never uploads again when the answer is lost: it reads the export and says which rows took effect', async () => {
      dir.write('mixed.csv', MIXED);
      sandbox.setFaults({ dropAfterApply: { times: 1 } });
      const out = await cli(['apply', 'mixed.csv', '--yes']);
      assert.equal(out.status, 1);
      assert.equal(puts(), 1, 'sent once');
      assert.match(out.stderr, /Reading the export again/);
      assert.match(out.stdout, /^ {4}5 {2}\+14155550114 {2}Delete {5}applied/m);
      assert.match(out.stdout, /5 applied, 0 not applied, 0 unclear\./);
      noStackTrace(out.stderr);
    });

    it('after a lost answer, names exactly the rows that took effect and writes the others beside the file', async () => {
      dir.write('batch.csv', 'NUMBER,OPERATION\n+14155550120,Delete\n+14155550199,Delete\n+14155550121,Delete\n');
      sandbox.setFaults({ dropAfterApply: { times: 1 } });
      const out = await cli(['apply', 'batch.csv', '--yes']);
      assert.equal(out.status, 1);
      assert.equal(puts(), 1);
      assert.match(out.stdout, /^ {4}1 {2}\+14155550120 {2}Delete {5}applied/m);
      assert.match(out.stdout, /^ {4}2 {2}\+14155550199 {2}Delete {5}not-applied/m);
      assert.match(out.stdout, /^ {4}3 {2}\+14155550121 {2}Delete {5}applied/m);
      assert.match(out.stdout, /2 applied, 1 not applied, 0 unclear\./);
      assert.equal(readFileSync(join(dir.path, 'batch.not-applied.csv'), 'utf8'), 'NUMBER,OPERATION\n+14155550199,Delete\n');
    });

    it('asks before applying, and applies nothing on any answer but yes', async () => {
      dir.write('mixed.csv', MIXED);
      const env = as(SANDBOX_TOKENS.owner);
      const declined = await runInProcess(['apply', 'mixed.csv'], { cwd: dir.path, env, answers: ['no'] });
      assert.equal(declined.status, 1);
      assert.match(declined.stderr, /Apply 5 rows to http:\/\/127\.0\.0\.1:\d+\/integrations\? Type yes to go on: no\n/);
      assert.match(declined.stderr, /mixed\.csv: not applied\./);
      assert.equal(puts(), 0);
      const accepted = await runInProcess(['apply', 'mixed.csv'], { cwd: dir.path, env, answers: ['yes'] });
      assert.equal(accepted.status, 0, accepted.stderr);
      assert.equal(puts(), 1);
    });

    it('refuses to apply without a terminal to ask on, unless --yes', async () => {
      dir.write('mixed.csv', MIXED);
      const out = await runInProcess(['apply', 'mixed.csv'], { cwd: dir.path, env: as(SANDBOX_TOKENS.owner) });
      assert.equal(out.status, 2);
      assert.match(out.stderr, /no terminal to confirm on; add --yes/);
      assert.equal(puts(), 0);
    });
  });
});

describe('numbers-csv sandbox', function () {
  this.timeout(30_000);

  it('serves the numbers API, prints how to use it, and stops on a TERM signal', async () => {
    const child = spawn(process.execPath, [MAIN, 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const found = /export NUMBERS_API_BASE_URL=(\S+)/.exec(stdout);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${stdout}`)));
    });
    assert.match(stdout, /export NUMBERS_API_TOKEN=sandbox-owner/);
    const exported = await fetch(`${base}/api/numbers/csv`, { method: 'POST', headers: { authorization: `Bearer ${SANDBOX_TOKENS.owner}` } });
    assert.equal(exported.status, 200);
    assert.match(await exported.text(), /\+14155550120/);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('refuses a port that is not one', async () => {
    const out = await numbersCsvAsync(['sandbox', '--port', 'eighty'], { cwd: process.cwd() });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /--port must be a number from 0 to 65535/);
  });
});
