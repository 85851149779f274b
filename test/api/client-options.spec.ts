import assert from 'node:assert/strict';
import { AbortedError, createNumbersApiClient, RateLimitedError, type NumbersApiClientOptions } from '@numbers-csv/shared';
import { apiRequests, countOf, CREATE_ONE, NEW_NUMBER, rejection, testClient, useClients, useSandbox } from './helpers.js';

describe('api client: options and cancelling', function () {
  this.timeout(20_000);

  it('refuses bad options at once, saying what to give', () => {
    const base: NumbersApiClientOptions = { baseUrl: 'https://eu1.example/integrations', auth: { token: 't' } };
    const cases: [Partial<NumbersApiClientOptions>, RegExp][] = [
      [{ baseUrl: 'eu1.example/integrations' }, /baseUrl "eu1\.example\/integrations" is not a URL/],
      [{ baseUrl: 'ftp://eu1.example/integrations' }, /must be http\(s\)/],
      [{ baseUrl: 'https://ana:secret@eu1.example/integrations' }, /must not hold a user name or password/],
      [{ auth: { token: ' ' } }, /auth\.token is empty/],
      [{ auth: { oidc: { tokenUrl: 'nowhere', username: 'u', password: 'p' } } }, /tokenUrl "nowhere" is not a URL/],
      [{ retry: { attempts: 0 } }, /retry\.attempts must be a whole number of at least 1/],
      [{ timeouts: { headersMs: -1 } }, /timeouts\.headersMs must be a positive number/],
    ];
    for (const [overrides, message] of cases) {
      assert.throws(() => createNumbersApiClient({ ...base, ...overrides }), (error: unknown) => error instanceof TypeError && message.test(error.message));
    }
  });

  describe('against the sandbox', () => {
    const live = useSandbox();
    const track = useClients();

    it('keeps the base URL\'s path and ignores a trailing slash', async () => {
      const { client } = track(testClient(`${live.sandbox.baseUrl}/`));
      assert.equal((await client.applyCsv(CREATE_ONE)).kind, 'answered');
      assert.deepEqual(
        live.sandbox.requests().map(({ method, path }) => [method, path]),
        [['PUT', '/integrations/api/numbers/csv']],
      );
    });

    it('a signal aborted before the call sends nothing', async () => {
      const { client } = track(testClient(live.sandbox.baseUrl));
      const error = await rejection(client.applyCsv(CREATE_ONE, { signal: AbortSignal.abort() }));
      assert.ok(error instanceof AbortedError, String(error));
      assert.match(error.message, /nothing ran/);
      assert.equal(live.sandbox.requests().length, 0);
    });

    it('cancelled while waiting out a Retry-After: AbortedError, and no second PUT', async () => {
      const controller = new AbortController();
      const waits: number[] = [];
      const { client } = track(
        testClient(live.sandbox.baseUrl, {
          sleep: (ms, signal) => {
            waits.push(ms);
            controller.abort();
            return Promise.reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
          },
        }),
      );
      live.sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 5 } });
      const error = await rejection(client.applyCsv(CREATE_ONE, { signal: controller.signal }));
      assert.ok(error instanceof AbortedError, String(error));
      assert.deepEqual(waits, [5000]);
      assert.equal(apiRequests(live.sandbox, 'PUT').length, 1);
      assert.equal(countOf(live.sandbox, NEW_NUMBER), 0);
    });

    it('really waits with the default sleep (a Retry-After of 1 s)', async () => {
      const { client } = track(testClient(live.sandbox.baseUrl, { sleep: undefined }));
      live.sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 1 } });
      const started = Date.now();
      assert.equal((await client.applyCsv(CREATE_ONE)).kind, 'answered');
      assert.ok(Date.now() - started >= 900, 'waited about the second asked');
      assert.deepEqual(
        apiRequests(live.sandbox, 'PUT').map((request) => request.status),
        [429, 200],
      );
    });

    it('attempts: 1 turns retries off', async () => {
      const { client } = track(testClient(live.sandbox.baseUrl, { retry: { attempts: 1 } }));
      live.sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 1 } });
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof RateLimitedError, String(error));
      assert.equal(apiRequests(live.sandbox, 'PUT').length, 1);
    });
  });
});
