import assert from 'node:assert/strict';
import { setTimeout as wait } from 'node:timers/promises';
import {
  AuthenticationError,
  ConnectionFailedError,
  ForbiddenError,
  InvalidFileError,
  LimitExceededError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TooLargeError,
} from '@numbers-csv/shared';
import { SANDBOX_TOKENS } from '@numbers-csv/sandbox';
import { apiRequests, closedPort, countOf, CREATE_ONE, NEW_NUMBER, rejection, testClient, useClients, useSandbox, withSandbox } from './helpers.js';

const statuses = (requests: { status: number }[]): number[] => requests.map((request) => request.status);

describe('api client: apply against the sandbox', function () {
  this.timeout(20_000);
  const live = useSandbox();
  const track = useClients();
  const owner = (overrides = {}): ReturnType<typeof testClient> => track(testClient(live.sandbox.baseUrl, overrides));

  describe('answered', () => {
    it('uploads the CSV and returns the rows and summary the platform answered', async () => {
      const { client, events } = owner();
      const csv = `${CREATE_ONE.trimEnd()}\n+14155550999,Delete,,\n`;
      const outcome = await client.applyCsv(csv, { filename: 'batch.csv' });
      assert.equal(outcome.kind, 'answered');
      assert.ok(outcome.kind === 'answered');
      assert.deepEqual(outcome.response.summary, { ok: 1, failed: 1 });
      assert.deepEqual(
        outcome.response.results.map(({ row, number, operation, status }) => ({ row, number, operation, status })),
        [
          { row: 1, number: NEW_NUMBER, operation: 'Create', status: 'OK' },
          { row: 2, number: '+14155550999', operation: 'Delete', status: 'FAILED' },
        ],
      );
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [200]);
      assert.deepEqual(
        events.map(({ purpose, method, attempt, status }) => ({ purpose, method, attempt, status })),
        [{ purpose: 'apply', method: 'PUT', attempt: 1, status: 200 }],
      );
      assert.equal(events[0]?.url, `${live.sandbox.baseUrl}/api/numbers/csv`);
    });

    it('takes the CSV as bytes too', async () => {
      const { client } = owner();
      const outcome = await client.applyCsv(new TextEncoder().encode(CREATE_ONE));
      assert.ok(outcome.kind === 'answered');
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
    });
  });

  describe('refusals, typed, with nothing run', () => {
    it('invalid file (400) with the reasons', async () => {
      const { client } = owner();
      const error = await rejection(client.applyCsv(`NUMBER,NOTE\n+14155550120,hello\n`));
      assert.ok(error instanceof InvalidFileError, String(error));
      assert.equal(error.status, 400);
      assert.equal(error.serverCode, 'invalid_file');
      assert.ok(error.reasons.length > 0);
      assert.match(error.body ?? '', /invalid_file/);
      assert.match(error.message, /No row ran/);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [400]);
    });

    it('authentication (401) with a static token: not resent', async () => {
      const { client } = owner({ auth: { token: 'not-a-real-token' } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof AuthenticationError, String(error));
      assert.equal(error.status, 401);
      assert.equal(error.source, 'api');
      assert.ok(!error.message.includes('not-a-real-token') && !(error.body ?? '').includes('not-a-real-token'));
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [401]);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 0);
    });

    it('forbidden (403) naming the groups lacking OWNER', async () => {
      const { client } = owner({ auth: { token: SANDBOX_TOKENS.ownerOcp } });
      const error = await rejection(client.applyCsv(`NUMBER,OPERATION\n+442079460958,Detach\n`));
      assert.ok(error instanceof ForbiddenError, String(error));
      assert.equal(error.status, 403);
      assert.deepEqual(error.groups, ['ocp-uk']);
      assert.match(error.message, /not OWNER of ocp-uk/);
    });

    it('forbidden (403) for a caller that owns no group', async () => {
      const { client } = owner({ auth: { token: SANDBOX_TOKENS.viewer } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof ForbiddenError, String(error));
      assert.deepEqual(error.groups, []);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 0);
    });

    it('too large (413) with the cap', async () => {
      await withSandbox({ maxUploadBytes: 64 }, async (sandbox) => {
        const { client } = track(testClient(sandbox.baseUrl));
        const error = await rejection(client.applyCsv(`${CREATE_ONE}${'+14155550178,Create,ocp,twilio\n'.repeat(10)}`));
        assert.ok(error instanceof TooLargeError, String(error));
        assert.equal(error.status, 413);
        assert.equal(error.limitBytes, 64);
        assert.equal(countOf(sandbox, NEW_NUMBER), 0);
      });
    });

    it('limit exceeded (422) with the operations over their limits', async () => {
      await withSandbox({ limits: { Delete: 1 } }, async (sandbox) => {
        const { client } = track(testClient(sandbox.baseUrl));
        const error = await rejection(client.applyCsv(`NUMBER,OPERATION\n+14155550111,Delete\n+14155550112,Delete\n`));
        assert.ok(error instanceof LimitExceededError, String(error));
        assert.equal(error.status, 422);
        assert.deepEqual(error.limits, [{ operation: 'Delete', count: 2, limit: 1 }]);
        assert.equal(countOf(sandbox, '+14155550111'), 1);
      });
    });
  });

  describe('retried only where nothing ran', () => {
    it('429 with Retry-After, then success: two PUTs, the wait honoured, the rows applied once', async () => {
      const { client, waits, events } = owner();
      live.sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 2 } });
      const outcome = await client.applyCsv(CREATE_ONE);
      assert.ok(outcome.kind === 'answered');
      assert.deepEqual(outcome.response.summary, { ok: 1, failed: 0 });
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [429, 200]);
      assert.deepEqual(waits, [2000]);
      assert.deepEqual(
        events.map(({ attempt, status }) => [attempt, status]),
        [
          [1, 429],
          [2, 200],
        ],
      );
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
    });

    it('503 with Retry-After, then success: two PUTs, the rows applied once', async () => {
      const { client, waits } = owner();
      live.sandbox.setFaults({ serverError: { times: 1, status: 503, retryAfterSeconds: 1 } });
      const outcome = await client.applyCsv(CREATE_ONE);
      assert.ok(outcome.kind === 'answered');
      assert.deepEqual(outcome.response.summary, { ok: 1, failed: 0 });
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [503, 200]);
      assert.deepEqual(waits, [1000]);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
    });

    it('429 that lasts: RateLimitedError after the attempts, nothing applied', async () => {
      const { client, waits } = owner();
      live.sandbox.setFaults({ rateLimit: { times: 5, retryAfterSeconds: 1 } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof RateLimitedError, String(error));
      assert.equal(error.retryAfterSeconds, 1);
      assert.match(error.message, /still refused after 3 attempts/);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [429, 429, 429]);
      assert.deepEqual(waits, [1000, 1000]);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 0);
    });

    it('a Retry-After past the cap is not waited for', async () => {
      const { client, waits } = owner({ retry: { maxRetryAfterSeconds: 5 } });
      live.sandbox.setFaults({ serverError: { times: 1, status: 503, retryAfterSeconds: 30 } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof ServerError, String(error));
      assert.equal(error.retryAfterSeconds, 30);
      assert.match(error.message, /asks to wait 30 s, longer than the 5 s this client waits.*No row ran/);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [503]);
      assert.deepEqual(waits, []);
    });
  });

  describe('outcome unknown: never resent', () => {
    for (const fault of [
      { status: 500 as const },
      { status: 502 as const },
      { status: 504 as const },
      { status: 503 as const, note: ' without Retry-After' },
    ]) {
      it(`${fault.status}${fault.note ?? ''} → OutcomeUnknownError and exactly one PUT`, async () => {
        const { client, waits } = owner();
        live.sandbox.setFaults({ serverError: { times: 1, status: fault.status } });
        const error = await rejection(client.applyCsv(CREATE_ONE));
        assert.ok(error instanceof OutcomeUnknownError, String(error));
        assert.equal(error.status, fault.status);
        assert.equal(error.reason, 'status');
        assert.equal(error.serverCode, fault.status === 503 ? 'unavailable' : 'server_error');
        assert.match(error.message, /may have been applied.*Do not upload it again: compare with a fresh export \(numbers-csv plan\) first\./);
        assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [fault.status]);
        assert.deepEqual(waits, []);
      });
    }

    it('connection dropped after the rows ran → OutcomeUnknownError, one PUT, the state changed once', async () => {
      const { client } = owner();
      live.sandbox.setFaults({ dropAfterApply: { times: 1 } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof OutcomeUnknownError, String(error));
      assert.equal(error.reason, 'connection-closed');
      assert.equal(error.status, undefined);
      assert.match(error.message, /connection closed after the upload.*may have been applied/);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [0]);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
    });

    it('no answer within the client timeout → OutcomeUnknownError, one PUT, and none later', async () => {
      const { client } = owner({ timeouts: { headersMs: 300 } });
      live.sandbox.setFaults({ latencyMs: 1500 });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof OutcomeUnknownError, String(error));
      assert.equal(error.reason, 'timeout');
      assert.equal(error.code, 'UND_ERR_HEADERS_TIMEOUT');
      assert.match(error.message, /did not answer within 300 ms after the upload/);
      // Let the sandbox's latency pass: a resend would show up by then.
      await wait(1800);
      assert.equal(apiRequests(live.sandbox, 'PUT').length, 1);
      assert.ok(countOf(live.sandbox, NEW_NUMBER) <= 1);
    });

    it('cancelled while in flight → OutcomeUnknownError, one PUT', async () => {
      const { client } = owner();
      live.sandbox.setFaults({ latencyMs: 1000 });
      const controller = new AbortController();
      const call = client.applyCsv(CREATE_ONE, { signal: controller.signal });
      await wait(200);
      controller.abort();
      const error = await rejection(call);
      assert.ok(error instanceof OutcomeUnknownError, String(error));
      assert.equal(error.reason, 'aborted');
      assert.equal(apiRequests(live.sandbox, 'PUT').length, 1);
    });
  });

  it('connection refused: retried with backoff, then a ConnectionFailedError; nothing sent', async () => {
    const port = await closedPort();
    const { client, waits, events } = track(testClient(`http://127.0.0.1:${port}/integrations`));
    const error = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(error instanceof ConnectionFailedError, String(error));
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.status, undefined);
    assert.match(error.message, /Could not connect to http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) after 3 attempts\. Nothing was sent/);
    assert.deepEqual(waits, [500, 1000]);
    assert.deepEqual(
      events.map(({ attempt, error: code }) => [attempt, code]),
      [
        [1, 'ECONNREFUSED'],
        [2, 'ECONNREFUSED'],
        [3, 'ECONNREFUSED'],
      ],
    );
    assert.equal(countOf(live.sandbox, NEW_NUMBER), 0);
  });
});
