import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { SEED, apply, applyRequest, assertRefused, exportRequest, exportRows, readCsv, seedOf, upload, useSandbox } from './harness.js';

const CREATE = 'NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550180,Create,ocp,twilio\n';

describe('sandbox faults', () => {
  const sandbox = useSandbox();

  it('adds latency before answering an API call', async () => {
    sandbox().setFaults({ latencyMs: 300 });
    const started = performance.now();
    assert.equal((await exportRequest(sandbox())).status, 200);
    // A lower bound only: the machine may be slow, never faster than the delay.
    assert.ok(performance.now() - started >= 250);
  });

  it('answers the next N calls 429 with Retry-After, having run nothing, then answers normally', async () => {
    sandbox().setFaults({ rateLimit: { times: 2, retryAfterSeconds: 7 } });
    for (const send of [() => applyRequest(sandbox(), upload(CREATE)), () => exportRequest(sandbox())]) {
      const body = await assertRefused(sandbox(), send, 429, 'rate_limited');
      assert.equal(body.headers.get('retry-after'), '7');
    }
    const answer = await apply(sandbox(), CREATE);
    assert.deepEqual(answer.summary, { ok: 1, failed: 0 });
  });

  it('answers the next N calls with a server error, then normally', async () => {
    sandbox().setFaults({ serverError: { times: 1, status: 500 } });
    const failure = await assertRefused(sandbox(), () => applyRequest(sandbox(), upload(CREATE)), 500, 'server_error');
    assert.equal(failure.headers.get('retry-after'), null);
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  it('answers 503 with Retry-After when asked, and 502 and 504', async () => {
    sandbox().setFaults({ serverError: { times: 1, status: 503, retryAfterSeconds: 3 } });
    const unavailable = await assertRefused(sandbox(), () => exportRequest(sandbox()), 503, 'unavailable');
    assert.equal(unavailable.headers.get('retry-after'), '3');
    for (const status of [502, 504] as const) {
      sandbox().setFaults({ serverError: { times: 1, status } });
      await assertRefused(sandbox(), () => applyRequest(sandbox(), upload(CREATE)), status, 'server_error');
    }
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  it('puts a rate limit before a server error when both are set', async () => {
    sandbox().setFaults({ rateLimit: { times: 1, retryAfterSeconds: 1 }, serverError: { times: 1, status: 502 } });
    assert.equal((await exportRequest(sandbox())).status, 429);
    assert.equal((await exportRequest(sandbox())).status, 502);
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  it('drops the connection after applying: the client sees a failure, and the rows ran exactly once', async () => {
    sandbox().setFaults({ dropAfterApply: { times: 1 } });
    const before = sandbox().numbers().length;
    await assert.rejects(applyRequest(sandbox(), upload(CREATE)), TypeError);
    const created = sandbox().numbers().filter((row) => row.NUMBER === '+14155550180');
    assert.equal(created.length, 1);
    assert.equal(sandbox().numbers().length, before + 1);
    assert.deepEqual(
      sandbox().requests().filter((r) => r.method === 'PUT'),
      [{ method: 'PUT', path: '/integrations/api/numbers/csv', status: 0 }],
    );
    // The switch is used up: sending the same Create again is answered, and fails as a second Create does.
    const again = await apply(sandbox(), CREATE);
    assert.match(again.results[0]?.message ?? '', /already exists/);
  });

  it('replaces every switch on setFaults, and clears them all on clearFaults', async () => {
    sandbox().setFaults({ rateLimit: { times: 5, retryAfterSeconds: 1 } });
    sandbox().setFaults({ serverError: { times: 1, status: 500 } });
    assert.equal((await exportRequest(sandbox())).status, 500);
    assert.equal((await exportRequest(sandbox())).status, 200);
    sandbox().setFaults({ serverError: { times: 3, status: 500 } });
    sandbox().clearFaults();
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  it('refuses nonsense switches from code, saying which', () => {
    assert.throws(() => sandbox().setFaults({ serverError: { times: 1, status: 501 as 500 } }), /Invalid sandbox faults.*serverError/s);
    assert.throws(() => sandbox().setFaults({ latencyMs: -1 }), /latencyMs/);
  });

  it('does not count down the caller object', async () => {
    const faults = { rateLimit: { times: 1, retryAfterSeconds: 1 } };
    sandbox().setFaults(faults);
    await exportRequest(sandbox());
    assert.equal(faults.rateLimit.times, 1);
  });
});

describe('sandbox faults: slow export', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ seed: seedOf(3500) });
  });
  after(() => sandbox.close());

  it('pauses between chunks and still delivers the whole CSV', async () => {
    sandbox.setFaults({ slowExport: { chunkDelayMs: 100 } });
    const started = performance.now();
    const res = await exportRequest(sandbox);
    assert.ok(res.body);
    let pieces = 0;
    let text = '';
    const decoder = new TextDecoder();
    for await (const piece of res.body) {
      pieces++;
      text += decoder.decode(piece, { stream: true });
    }
    const rows = readCsv(text);
    assert.equal(rows.length, 3500);
    assert.equal(rows.at(-1)?.NUMBER, '+14155553499');
    // Four chunks, three pauses; a lower bound only.
    assert.ok(performance.now() - started >= 250);
    assert.ok(pieces >= 4, `the export arrived in ${pieces} pieces`);
    sandbox.clearFaults();
    assert.deepEqual(await exportRows(sandbox), rows);
  });
});

describe('sandbox faults and the token endpoint', () => {
  it('leaves the token endpoint alone: faults are for API calls', async () => {
    const sandbox = await startSandbox({ seed: SEED });
    try {
      sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 1 } });
      const res = await fetch(sandbox.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'ocp', username: 'owner', password: 'owner-password' }),
      });
      assert.equal(res.status, 200);
      assert.equal((await exportRequest(sandbox)).status, 429);
    } finally {
      await sandbox.close();
    }
  });
});
