import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AbortedError, AuthenticationError, ConnectionFailedError, ConnectionLostError, EXPORT_COLUMNS, ServerError } from '@numbers-csv/shared';
import { DEFAULT_SEED_FILE } from '@numbers-csv/sandbox';
import { apiRequests, closedPort, readAll, rejection, seedOf, testClient, useClients, useSandbox, withSandbox } from './helpers.js';

const statuses = (requests: { status: number }[]): number[] => requests.map((request) => request.status);

describe('api client: export against the sandbox', function () {
  this.timeout(20_000);
  const live = useSandbox();
  const track = useClients();
  const owner = (overrides = {}): ReturnType<typeof testClient> => track(testClient(live.sandbox.baseUrl, overrides));

  it('streams the CSV of every number the caller can see', async () => {
    const { client, events } = owner();
    const stream = await client.exportNumbers();
    assert.equal(stream.status, 200);
    assert.equal(stream.contentType, 'text/csv; charset=utf-8');
    const text = await readAll(stream);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], EXPORT_COLUMNS.join(','));
    const seeded = readFileSync(DEFAULT_SEED_FILE, 'utf8').trimEnd().split('\n').length - 1;
    assert.equal(lines.length - 1, seeded);
    assert.ok(lines.some((line) => line.includes('+442079460958')));
    assert.deepEqual(
      events.map(({ purpose, method, status }) => [purpose, method, status]),
      [['export', 'POST', 200]],
    );
  });

  it('hands over chunks while the platform is still sending (slowExport), never the whole body at once', async () => {
    await withSandbox({ seed: seedOf(4500) }, async (sandbox) => {
      const { client } = track(testClient(sandbox.baseUrl));
      sandbox.setFaults({ slowExport: { chunkDelayMs: 150 } });
      const stream = await client.exportNumbers();
      let chunks = 0;
      let bytes = 0;
      let unfinishedWhenFirstChunkCame = false;
      for await (const chunk of stream) {
        // The sandbox logs a status once it has sent the whole answer: 0 means it was still sending.
        if (chunks === 0) unfinishedWhenFirstChunkCame = apiRequests(sandbox, 'POST')[0]?.status === 0;
        chunks++;
        bytes += chunk.byteLength;
      }
      assert.ok(unfinishedWhenFirstChunkCame, 'the first chunk arrived before the export was complete');
      assert.ok(chunks >= 5, `${chunks} chunks`);
      assert.equal(bytes, Buffer.byteLength(seedOf(4500)));
      assert.deepEqual(statuses(apiRequests(sandbox, 'POST')), [200]);
    });
  });

  it('frees the connection when the reader stops early', async () => {
    await withSandbox({ seed: seedOf(3000) }, async (sandbox) => {
      const { client } = track(testClient(sandbox.baseUrl));
      sandbox.setFaults({ slowExport: { chunkDelayMs: 100 } });
      const stream = await client.exportNumbers();
      for await (const chunk of stream) {
        assert.ok(chunk.byteLength > 0);
        break;
      }
      sandbox.clearFaults();
      // The next call gets through: nothing is left hanging on the client's side.
      const again = await readAll(await client.exportNumbers());
      assert.equal(again.trimEnd().split('\n').length, 3001);
    });
  });

  it('reads only once', async () => {
    const { client } = owner();
    const stream = await client.exportNumbers();
    await readAll(stream);
    await assert.rejects(readAll(stream), /can be read once/);
  });

  it('refused token → AuthenticationError', async () => {
    const { client } = owner({ auth: { token: 'nope' } });
    const error = await rejection(client.exportNumbers());
    assert.ok(error instanceof AuthenticationError, String(error));
    assert.equal(error.status, 401);
    assert.equal(error.serverCode, 'invalid_token');
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [401]);
  });

  it('retries 502, 503 and 504 (the export changes nothing), then answers', async () => {
    for (const status of [502, 503, 504] as const) {
      const { client, waits } = owner();
      const before = apiRequests(live.sandbox, 'POST').length;
      live.sandbox.setFaults({ serverError: { times: 2, status } });
      const text = await readAll(await client.exportNumbers());
      assert.match(text, /^APPLICATION_TAG,COUNTRY/);
      assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST').slice(before)), [status, status, 200], String(status));
      assert.deepEqual(waits, [500, 1000]);
    }
  });

  it('gives up after the attempts with a ServerError', async () => {
    const { client } = owner();
    live.sandbox.setFaults({ serverError: { times: 5, status: 503 } });
    const error = await rejection(client.exportNumbers());
    assert.ok(error instanceof ServerError, String(error));
    assert.equal(error.status, 503);
    assert.match(error.message, /after 3 attempts.*Nothing changed/);
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [503, 503, 503]);
  });

  it('does not retry a 500', async () => {
    const { client } = owner();
    live.sandbox.setFaults({ serverError: { times: 1, status: 500 } });
    const error = await rejection(client.exportNumbers());
    assert.ok(error instanceof ServerError, String(error));
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [500]);
  });

  it('waits out a 429 with Retry-After', async () => {
    const { client, waits } = owner();
    live.sandbox.setFaults({ rateLimit: { times: 1, retryAfterSeconds: 3 } });
    await readAll(await client.exportNumbers());
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [429, 200]);
    assert.deepEqual(waits, [3000]);
  });

  it('no answer within the timeout → ConnectionLostError, not retried', async () => {
    const { client } = owner({ timeouts: { headersMs: 200 } });
    live.sandbox.setFaults({ latencyMs: 1000 });
    const error = await rejection(client.exportNumbers());
    assert.ok(error instanceof ConnectionLostError, String(error));
    assert.equal(error.phase, 'before-answer');
    assert.equal(error.code, 'UND_ERR_HEADERS_TIMEOUT');
    assert.equal(apiRequests(live.sandbox, 'POST').length, 1);
  });

  it('a body that stalls past the body timeout → ConnectionLostError while reading', async () => {
    await withSandbox({ seed: seedOf(2500) }, async (sandbox) => {
      const { client } = track(testClient(sandbox.baseUrl, { timeouts: { bodyMs: 200 } }));
      sandbox.setFaults({ slowExport: { chunkDelayMs: 1500 } });
      const stream = await client.exportNumbers();
      const error = await rejection(readAll(stream));
      assert.ok(error instanceof ConnectionLostError, String(error));
      assert.equal(error.phase, 'while-reading');
      assert.equal(error.code, 'UND_ERR_BODY_TIMEOUT');
      assert.match(error.message, /broke off after \d+ bytes.*do not use the part read/);
    });
  });

  it('cancelled while reading → AbortedError', async () => {
    await withSandbox({ seed: seedOf(3000) }, async (sandbox) => {
      const { client } = track(testClient(sandbox.baseUrl));
      sandbox.setFaults({ slowExport: { chunkDelayMs: 300 } });
      const controller = new AbortController();
      const stream = await client.exportNumbers({ signal: controller.signal });
      const error = await rejection(
        (async () => {
          for await (const chunk of stream) {
            assert.ok(chunk.byteLength > 0);
            controller.abort();
          }
        })(),
      );
      assert.ok(error instanceof AbortedError, String(error));
    });
  });

  it('connection refused: retried, then ConnectionFailedError', async () => {
    const port = await closedPort();
    const { client, waits } = track(testClient(`http://127.0.0.1:${port}/integrations`));
    const error = await rejection(client.exportNumbers());
    assert.ok(error instanceof ConnectionFailedError, String(error));
    assert.equal(error.code, 'ECONNREFUSED');
    assert.deepEqual(waits, [500, 1000]);
  });
});
