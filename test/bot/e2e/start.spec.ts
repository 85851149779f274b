import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../../bot/bin/numbers-csv-bot.js', import.meta.url));

/** The bin with only these variables (and PATH): what someone sees who has not configured it yet. */
function startWith(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [BIN], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('numbers-csv-bot at start', function () {
  this.timeout(30_000);

  it('says in one line what to set, and exits 2, when nothing is configured', () => {
    const out = startWith({});
    assert.equal(out.status, 2);
    const lines = out.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, out.stderr);
    assert.match(lines[0] ?? '', /^numbers-csv-bot: .*SLACK_BOT_TOKEN/);
    assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
  });

  it('names an approvers file it cannot read, without a stack trace', () => {
    const out = startWith({ SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'secret', NUMBERS_API_BASE_URL: 'http://127.0.0.1:9/integrations', NUMBERS_API_TOKEN: 't', APPROVERS_FILE: '/nonexistent/approvers.yml', DATABASE_URL: 'sqlite::memory:' });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /^numbers-csv-bot: .*\/nonexistent\/approvers\.yml/);
    assert.doesNotMatch(out.stderr, /\n\s+at /);
    assert.doesNotMatch(out.stderr, /xoxb-1-2-3|secret/, 'no secret repeated');
  });
});
