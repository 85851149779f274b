import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { Response } from 'undici';
import { AuthenticationError, InvalidFileError, OutcomeUnknownError, RateLimitedError, UnexpectedStatusError } from '@numbers-csv/shared';
import { CREATE_ONE, rejection, startStub, testClient, useClients, type Stub, type StubRequest } from './helpers.js';

/**
 * Answers the sandbox never gives, from a tiny server: the contract's apply answer is our guess, and
 * the client must report whatever the platform really says.
 */

const OURS = JSON.stringify({ results: [{ row: 1, number: '+14155550177', operation: 'Create', status: 'OK', message: 'Created in group ocp.' }], summary: { ok: 1, failed: 0 } });

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

describe('api client: answers we did not expect', function () {
  this.timeout(20_000);
  const track = useClients();
  let stub: Stub | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });
  async function serve(answer: (request: StubRequest, res: ServerResponse, index: number) => void): Promise<Stub> {
    stub = await startStub(answer);
    return stub;
  }
  const puts = (server: Stub): StubRequest[] => server.requests.filter((request) => request.method === 'PUT');

  it('sends a multipart upload: part "file", the filename, text/csv, the bytes as given, and the bearer token', async () => {
    const server = await serve((_request, res) => send(res, 200, OURS, { 'Content-Type': 'application/json' }));
    const { client } = track(testClient(server.baseUrl));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('NUMBER;OPERATION\r\n+14155550111;Delete\r\n')]);
    await client.applyCsv(bytes, { filename: 'monday.csv' });
    const [request] = server.requests;
    assert.ok(request !== undefined);
    assert.equal(request.method, 'PUT');
    assert.equal(request.path, '/integrations/api/numbers/csv');
    assert.equal(request.headers.authorization, 'Bearer sandbox-owner');
    assert.match(request.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    const form = await new Response(request.body, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
    const file = form.get('file');
    assert.ok(file !== null && typeof file !== 'string');
    assert.equal(file.name, 'monday.csv');
    assert.equal(file.type, 'text/csv');
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
    assert.deepEqual([...form.keys()], ['file']);
  });

  it('reports a 200 in plain text verbatim, as an unexpected answer', async () => {
    const server = await serve((_request, res) => send(res, 200, 'Batch accepted: 1 row\n', { 'Content-Type': 'text/plain' }));
    const { client } = track(testClient(server.baseUrl));
    const outcome = await client.applyCsv(CREATE_ONE);
    assert.deepEqual(outcome, { kind: 'unexpected-answer', status: 200, contentType: 'text/plain', body: 'Batch accepted: 1 row\n', truncated: false });
    assert.equal(puts(server).length, 1);
  });

  it('reports JSON of another shape verbatim, and a 202 with no body', async () => {
    const server = await serve((_request, res, index) =>
      index === 0 ? send(res, 200, '{"status":"queued","id":42}', { 'Content-Type': 'application/json' }) : send(res, 202, ''),
    );
    const { client } = track(testClient(server.baseUrl));
    assert.deepEqual(await client.applyCsv(CREATE_ONE), { kind: 'unexpected-answer', status: 200, contentType: 'application/json', body: '{"status":"queued","id":42}', truncated: false });
    assert.deepEqual(await client.applyCsv(CREATE_ONE), { kind: 'unexpected-answer', status: 202, contentType: undefined, body: '', truncated: false });
  });

  it('reads our shape whatever the Content-Type says', async () => {
    const server = await serve((_request, res) => send(res, 200, OURS, { 'Content-Type': 'text/plain' }));
    const { client } = track(testClient(server.baseUrl));
    const outcome = await client.applyCsv(CREATE_ONE);
    assert.ok(outcome.kind === 'answered');
    assert.deepEqual(outcome.response.summary, { ok: 1, failed: 0 });
  });

  it('an answer cut off after its headers → OutcomeUnknownError, not resent', async () => {
    const server = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      res.write('{"results":[{"row":1,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { client } = track(testClient(server.baseUrl));
    const error = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(error instanceof OutcomeUnknownError, String(error));
    assert.equal(error.reason, 'answer-cut-off');
    assert.equal(error.status, 200);
    assert.equal(puts(server).length, 1);
  });

  it('carries an error body that is not JSON as text: a 500 page, a 400 in words', async () => {
    const page = '<html><body><h1>500 Internal Server Error</h1></body></html>';
    const server = await serve((_request, res, index) =>
      index === 0 ? send(res, 500, page, { 'Content-Type': 'text/html' }) : send(res, 400, 'Missing OPERATION column', { 'Content-Type': 'text/plain' }),
    );
    const { client } = track(testClient(server.baseUrl));
    const unknown = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(unknown instanceof OutcomeUnknownError, String(unknown));
    assert.equal(unknown.body, page);
    assert.equal(unknown.serverCode, undefined);
    assert.ok(unknown.message.includes(`The platform answered: "${page}"`));
    const invalid = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(invalid instanceof InvalidFileError, String(invalid));
    assert.equal(invalid.body, 'Missing OPERATION column');
    assert.deepEqual(invalid.reasons, []);
    assert.equal(puts(server).length, 2);
  });

  it('a status outside the contract (404) → UnexpectedStatusError, not resent', async () => {
    const server = await serve((_request, res) => send(res, 404, 'Not Found', { 'Content-Type': 'text/plain' }));
    const { client } = track(testClient(server.baseUrl));
    const error = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(error instanceof UnexpectedStatusError, String(error));
    assert.equal(error.status, 404);
    assert.equal(puts(server).length, 1);
  });

  it('waits until the HTTP date a Retry-After names, on the client\'s clock', async () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const server = await serve((_request, res, index) =>
      index === 0 ? send(res, 429, '', { 'Retry-After': 'Sat, 01 Mar 2025 12:00:07 GMT' }) : send(res, 200, OURS, { 'Content-Type': 'application/json' }),
    );
    const { client, waits } = track(testClient(server.baseUrl, { now: () => now }));
    assert.equal((await client.applyCsv(CREATE_ONE)).kind, 'answered');
    assert.deepEqual(waits, [7000]);
    assert.equal(puts(server).length, 2);
  });

  it('does not retry a 429 without Retry-After', async () => {
    const server = await serve((_request, res) => send(res, 429, '{"error":"rate_limited","message":"Slow down."}', { 'Content-Type': 'application/json' }));
    const { client, waits } = track(testClient(server.baseUrl));
    const error = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(error instanceof RateLimitedError, String(error));
    assert.equal(error.retryAfterSeconds, undefined);
    assert.match(error.message, /did not say when to try again/);
    assert.deepEqual(waits, []);
    assert.equal(puts(server).length, 1);
  });

  it('a hook that throws does not hide the answer', async () => {
    const server = await serve((_request, res) => send(res, 200, OURS, { 'Content-Type': 'application/json' }));
    const { client } = track(
      testClient(server.baseUrl, {
        onRequest: () => {
          throw new Error('a broken counter');
        },
      }),
    );
    assert.equal((await client.applyCsv(CREATE_ONE)).kind, 'answered');
  });

  describe('OpenID Connect', () => {
    const tokenAnswer = (n: number): string => JSON.stringify({ access_token: `access-${n}`, expires_in: 300, refresh_token: `refresh-${n}`, refresh_expires_in: 1800, token_type: 'Bearer' });

    it('a 401 that persists after one refresh → AuthenticationError; two PUTs in all', async () => {
      let issued = 0;
      const server = await serve((request, res) => {
        if (request.path.includes('/token')) send(res, 200, tokenAnswer(++issued), { 'Content-Type': 'application/json' });
        else send(res, 401, '{"error":"invalid_token","message":"No."}', { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      });
      const { client } = track(
        testClient(server.baseUrl, { auth: { oidc: { tokenUrl: `${server.origin}/auth/realms/ocp/protocol/openid-connect/token`, username: 'u', password: 'p' } } }),
      );
      const error = await rejection(client.applyCsv(CREATE_ONE));
      assert.ok(error instanceof AuthenticationError, String(error));
      assert.equal(error.source, 'api');
      assert.match(error.message, /even after a new login/);
      assert.deepEqual(
        puts(server).map((request) => request.headers.authorization),
        ['Bearer access-1', 'Bearer access-2'],
      );
      assert.deepEqual(
        server.requests.filter((request) => request.path.includes('/token')).map((request) => new URLSearchParams(request.body.toString()).get('grant_type')),
        ['password', 'refresh_token'],
      );
    });

    it('a token endpoint that answers 200 without a token → AuthenticationError, nothing sent to the API', async () => {
      const server = await serve((_request, res) => send(res, 200, '<html>login</html>', { 'Content-Type': 'text/html' }));
      const { client } = track(
        testClient(server.baseUrl, { auth: { oidc: { tokenUrl: `${server.origin}/auth/realms/ocp/protocol/openid-connect/token`, username: 'u', password: 'p' } } }),
      );
      const error = await rejection(client.exportNumbers());
      assert.ok(error instanceof AuthenticationError, String(error));
      assert.equal(error.source, 'token-endpoint');
      assert.equal(server.requests.filter((request) => request.path.includes('/api/')).length, 0);
    });
  });
});
