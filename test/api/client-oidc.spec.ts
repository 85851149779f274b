import assert from 'node:assert/strict';
import { Agent, type Dispatcher } from 'undici';
import { AuthenticationError, type NumbersApiClientOptions } from '@numbers-csv/shared';
import { SANDBOX_USERS, type Sandbox } from '@numbers-csv/sandbox';
import { apiRequests, countOf, CREATE_ONE, NEW_NUMBER, readAll, rejection, testClient, tokenRequests, useClients, useSandbox } from './helpers.js';

const owner = SANDBOX_USERS.find((user) => user.username === 'owner');
if (owner === undefined) throw new Error('the sandbox has no owner user');

/** A dispatcher that notes the grant_type of every token request, to tell a refresh from a login. */
function grantRecorder(): { dispatcher: Dispatcher; grants: (string | null)[]; close(): Promise<void> } {
  const grants: (string | null)[] = [];
  const agent = new Agent();
  const dispatcher = agent.compose((dispatch) => (options, handler) => {
    if (options.path.includes('/openid-connect/token') && typeof options.body === 'string') grants.push(new URLSearchParams(options.body).get('grant_type'));
    return dispatch(options, handler);
  });
  return { dispatcher, grants, close: () => agent.close() };
}

const statuses = (requests: { status: number }[]): number[] => requests.map((request) => request.status);

describe('api client: OpenID Connect against the sandbox', function () {
  this.timeout(20_000);
  // One clock for the sandbox, one for the client: tests move them apart to expire tokens on one side only.
  let sandboxClock = 0;
  let clientClock = 0;
  const live = useSandbox(() => ({ now: () => sandboxClock, accessTokenTtlSeconds: 300, refreshTokenTtlSeconds: 1800 }));
  const track = useClients();
  let recorder: ReturnType<typeof grantRecorder>;
  beforeEach(() => {
    sandboxClock = clientClock = Date.parse('2025-01-01T00:00:00Z');
    recorder = grantRecorder();
  });
  afterEach(() => recorder.close());

  const oidcClient = (sandbox: Sandbox, password = owner.password): ReturnType<typeof testClient> => {
    const options: Partial<NumbersApiClientOptions> = {
      auth: { oidc: { tokenUrl: sandbox.tokenUrl, username: owner.username, password } },
      now: () => clientClock,
      dispatcher: recorder.dispatcher,
    };
    return track(testClient(sandbox.baseUrl, options));
  };
  const advance = (ms: number): void => {
    sandboxClock += ms;
    clientClock += ms;
  };

  it('logs in with the password on first use and reuses the token', async () => {
    const { client, events } = oidcClient(live.sandbox);
    await readAll(await client.exportNumbers());
    await client.applyCsv(CREATE_ONE);
    assert.deepEqual(recorder.grants, ['password']);
    assert.deepEqual(
      events.map(({ purpose, status }) => [purpose, status]),
      [
        ['token', 200],
        ['export', 200],
        ['apply', 200],
      ],
    );
    assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
  });

  it('logs in once for concurrent calls', async () => {
    const { client } = oidcClient(live.sandbox);
    await Promise.all([1, 2, 3].map(async () => readAll(await client.exportNumbers())));
    assert.deepEqual(recorder.grants, ['password']);
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [200, 200, 200]);
  });

  it('refreshes shortly before the access token expires, so no request meets a 401', async () => {
    const { client } = oidcClient(live.sandbox);
    await readAll(await client.exportNumbers());
    advance(285_000);
    await readAll(await client.exportNumbers());
    assert.deepEqual(recorder.grants, ['password', 'refresh_token']);
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'POST')), [200, 200]);
  });

  it('logs in with the password again once the refresh token has expired', async () => {
    const { client } = oidcClient(live.sandbox);
    await readAll(await client.exportNumbers());
    advance(1_800_000);
    await readAll(await client.exportNumbers());
    assert.deepEqual(recorder.grants, ['password', 'password']);
  });

  it('logs in with the password again when the platform refuses the refresh token', async () => {
    const { client } = oidcClient(live.sandbox);
    await readAll(await client.exportNumbers());
    // The platform's clock is past the refresh token's life; the client's is only near the access token's end.
    clientClock += 285_000;
    sandboxClock += 1_800_000;
    await readAll(await client.exportNumbers());
    assert.deepEqual(recorder.grants, ['password', 'refresh_token', 'password']);
    assert.deepEqual(statuses(tokenRequests(live.sandbox)), [200, 401, 200]);
  });

  it('a 401 after expiry: exactly one refresh and one resend, and the rows applied once', async () => {
    const { client, events } = oidcClient(live.sandbox);
    await readAll(await client.exportNumbers());
    // Only the platform sees the access token expire: the client still holds it for valid.
    sandboxClock += 400_000;
    const outcome = await client.applyCsv(CREATE_ONE);
    assert.ok(outcome.kind === 'answered');
    assert.deepEqual(outcome.response.summary, { ok: 1, failed: 0 });
    assert.deepEqual(recorder.grants, ['password', 'refresh_token']);
    assert.deepEqual(statuses(apiRequests(live.sandbox, 'PUT')), [401, 200]);
    assert.deepEqual(
      events.filter((event) => event.purpose === 'apply').map(({ attempt, status }) => [attempt, status]),
      [
        [1, 401],
        [2, 200],
      ],
    );
    assert.equal(countOf(live.sandbox, NEW_NUMBER), 1);
  });

  it('a wrong password → AuthenticationError naming the server\'s description, nothing sent to the API, no secret in the error', async () => {
    const { client } = oidcClient(live.sandbox, 'wrong-password');
    const error = await rejection(client.applyCsv(CREATE_ONE));
    assert.ok(error instanceof AuthenticationError, String(error));
    assert.equal(error.source, 'token-endpoint');
    assert.equal(error.status, 401);
    assert.equal(error.serverCode, 'invalid_grant');
    assert.match(error.message, /Invalid user credentials/);
    assert.ok(!`${error.message} ${error.body ?? ''} ${String(error.stack)}`.includes('wrong-password'));
    assert.equal(apiRequests(live.sandbox, 'PUT').length, 0);
  });
});
