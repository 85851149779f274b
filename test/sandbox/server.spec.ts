import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorBodySchema } from '@numbers-csv/shared';
import { startSandbox } from '@numbers-csv/sandbox';
import { OWNER, SEED, VIEWER, apply, applyRequest, assertRefused, bearer, exportRequest, upload, useSandbox } from './harness.js';

describe('sandbox server', () => {
  const sandbox = useSandbox();

  it('answers an unknown path 404 and a wrong method 405, in JSON', async () => {
    const missing = await fetch(`${sandbox().baseUrl}/api/numbers`, { method: 'POST', headers: bearer(OWNER) });
    assert.equal(missing.status, 404);
    assert.equal(ErrorBodySchema.parse(await missing.json()).error, 'not_found');
    const wrong = await fetch(`${sandbox().baseUrl}/api/numbers/csv`, { headers: bearer(OWNER) });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST, PUT');
    assert.equal(ErrorBodySchema.parse(await wrong.json()).error, 'method_not_allowed');
  });

  it('logs every request in order, API, token and admin alike, with its status', async () => {
    await exportRequest(sandbox());
    await exportRequest(sandbox(), 'nope');
    await applyRequest(sandbox(), upload('NUMBER,OPERATION\n+14155550101,Delete\n'), VIEWER);
    await fetch(sandbox().tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', client_id: 'ocp', username: 'owner', password: 'x' }) });
    await fetch(`${sandbox().origin}/_sandbox/state`);
    await fetch(`${sandbox().origin}/elsewhere?with=query`);
    assert.deepEqual(sandbox().requests(), [
      { method: 'POST', path: '/integrations/api/numbers/csv', status: 200 },
      { method: 'POST', path: '/integrations/api/numbers/csv', status: 401 },
      { method: 'PUT', path: '/integrations/api/numbers/csv', status: 403 },
      { method: 'POST', path: '/auth/realms/ocp/protocol/openid-connect/token', status: 401 },
      { method: 'GET', path: '/_sandbox/state', status: 200 },
      { method: 'GET', path: '/elsewhere', status: 404 },
    ]);
  });

  it('keeps serving after input that is not HTTP', async () => {
    const url = new URL(sandbox().origin);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.end('\x00\x01 garbage \r\n\r\n'));
      socket.on('error', reject);
      socket.on('close', () => resolve());
      socket.resume();
    });
    assert.equal((await exportRequest(sandbox())).status, 200);
  });
});

describe('sandbox server failures', () => {
  it('turns a handler failure into a 500 answer and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-fail-'));
    const sandbox = await startSandbox({ seed: SEED, stateFile: join(dir, 'state.json') });
    try {
      // The state can no longer be saved: the apply fails after running, as a platform can.
      rmSync(dir, { recursive: true, force: true });
      const body = await (async () => {
        const res = await applyRequest(sandbox, upload('NUMBER,OPERATION\n+14155550101,Delete\n'));
        assert.equal(res.status, 500);
        return ErrorBodySchema.parse(await res.json());
      })();
      assert.equal(body.error, 'server_error');
      assert.match(body.message, /ENOENT/);
      assert.equal((await exportRequest(sandbox)).status, 200);
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sandbox admin endpoints', () => {
  const sandbox = useSandbox();
  const admin = (path: string, init?: RequestInit) => fetch(`${sandbox().origin}/_sandbox/${path}`, init);
  const putFaults = (body: string) => admin('faults', { method: 'PUT', headers: { 'content-type': 'application/json' }, body });

  it('shows the state as JSON numbers, as numbers() does', async () => {
    await apply(sandbox(), 'NUMBER,OPERATION\n+14155550101,Delete\n');
    const res = await admin('state');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { numbers: sandbox().numbers() });
  });

  it('sets faults from a JSON body, which the next API calls feel', async () => {
    const res = await putFaults('{"rateLimit":{"times":1,"retryAfterSeconds":4}}');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { faults: { rateLimit: { times: 1, retryAfterSeconds: 4 } } });
    const limited = await assertRefused(sandbox(), () => exportRequest(sandbox()), 429, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '4');
    assert.deepEqual(await (await admin('faults')).json(), { faults: { rateLimit: { times: 0, retryAfterSeconds: 4 } } });
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  it('clears faults on DELETE', async () => {
    await putFaults('{"serverError":{"times":5,"status":503}}');
    const res = await admin('faults', { method: 'DELETE' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { faults: {} });
    assert.equal((await exportRequest(sandbox())).status, 200);
  });

  for (const [name, body, message] of [
    ['not JSON', '{rateLimit', /not JSON/],
    ['an unknown switch', '{"rateLimt":{"times":1}}', /rateLimt/],
    ['a status that is not one of 500, 502, 503, 504', '{"serverError":{"times":1,"status":418}}', /serverError/],
    ['a negative count', '{"dropAfterApply":{"times":-1}}', /dropAfterApply/],
  ] as const) {
    it(`refuses ${name} with 400 and a message, keeping the switches as they were`, async () => {
      await putFaults('{"latencyMs":1}');
      const res = await putFaults(body);
      assert.equal(res.status, 400);
      const error = ErrorBodySchema.parse(await res.json());
      assert.match(error.message, message);
      assert.deepEqual(await (await admin('faults')).json(), { faults: { latencyMs: 1 } });
    });
  }

  it('answers unknown admin paths 404 and wrong methods 405', async () => {
    assert.equal((await admin('nothing')).status, 404);
    assert.equal((await admin('state', { method: 'DELETE' })).status, 405);
    assert.equal((await admin('faults', { method: 'POST' })).status, 405);
  });
});
