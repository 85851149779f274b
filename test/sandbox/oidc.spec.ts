import assert from 'node:assert/strict';
import { TokenErrorSchema, TokenResponseSchema, type TokenResponse } from '@numbers-csv/shared';
import { SANDBOX_USERS, startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { SEED, applyRequest, assertRefused, exportRequest, upload } from './harness.js';

function tokenRequest(sandbox: Sandbox, form: Record<string, string>): Promise<Response> {
  return fetch(sandbox.tokenUrl, { method: 'POST', body: new URLSearchParams(form) });
}

async function grant(sandbox: Sandbox, form: Record<string, string>): Promise<TokenResponse> {
  const res = await tokenRequest(sandbox, form);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return TokenResponseSchema.parse(body);
}

async function assertTokenError(sandbox: Sandbox, form: Record<string, string>, status: number, error: string): Promise<void> {
  const res = await tokenRequest(sandbox, form);
  assert.equal(res.status, status);
  const body = TokenErrorSchema.parse(await res.json());
  assert.equal(body.error, error);
  assert.ok(body.error_description);
}

const password = (username: string, secret: string): Record<string, string> => ({ grant_type: 'password', client_id: 'ocp', username, password: secret });

describe('sandbox OIDC token endpoint', () => {
  let clock: number;
  let sandbox: Sandbox;
  beforeEach(async () => {
    clock = Date.UTC(2026, 0, 1);
    sandbox = await startSandbox({ seed: SEED, now: () => clock });
  });
  afterEach(() => sandbox.close());

  it('lives at the realm path of the origin', () => {
    assert.equal(sandbox.tokenUrl, `${sandbox.origin}/auth/realms/ocp/protocol/openid-connect/token`);
    assert.equal(sandbox.baseUrl, `${sandbox.origin}/integrations`);
  });

  it('grants tokens for a password, answering as Keycloak does; the access token opens the API', async () => {
    const tokens = await grant(sandbox, password('owner', 'owner-password'));
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.expires_in, 300);
    assert.equal(tokens.refresh_expires_in, 1800);
    assert.ok(tokens.refresh_token);
    assert.notEqual(tokens.access_token, 'sandbox-owner', 'access tokens are opaque random strings');
    assert.equal((await exportRequest(sandbox, tokens.access_token)).status, 200);
  });

  it('accepts a one-time code and ignores it', async () => {
    await grant(sandbox, { ...password('owner', 'owner-password'), totp: '123456' });
  });

  it('gives each user the roles of its static token', async () => {
    for (const user of SANDBOX_USERS) {
      const { access_token } = await grant(sandbox, password(user.username, user.password));
      const viaUser = await applyRequest(sandbox, upload('NUMBER,OPERATION\n+442079460958,Detach\n'), access_token);
      const viaToken = await applyRequest(sandbox, upload('NUMBER,OPERATION\n+442079460958,Detach\n'), user.token);
      assert.equal(viaUser.status, viaToken.status, user.username);
    }
    const statuses = sandbox.requests().filter((r) => r.method === 'PUT').map((r) => r.status);
    assert.deepEqual(statuses, [200, 200, 403, 403, 403, 403]);
  });

  it('refuses a wrong password or an unknown user with 401 invalid_grant', async () => {
    await assertTokenError(sandbox, password('owner', 'wrong'), 401, 'invalid_grant');
    await assertTokenError(sandbox, password('nobody', 'owner-password'), 401, 'invalid_grant');
  });

  it('refuses a malformed request with 400, and another client with 401', async () => {
    await assertTokenError(sandbox, { grant_type: 'client_credentials', client_id: 'ocp' }, 400, 'unsupported_grant_type');
    await assertTokenError(sandbox, { client_id: 'ocp', username: 'owner', password: 'owner-password' }, 400, 'invalid_request');
    await assertTokenError(sandbox, { grant_type: 'refresh_token', client_id: 'ocp' }, 400, 'invalid_request');
    await assertTokenError(sandbox, { ...password('owner', 'owner-password'), client_id: 'other' }, 401, 'invalid_client');
    const json = await fetch(sandbox.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(password('owner', 'owner-password')) });
    assert.equal(json.status, 400);
    assert.equal(TokenErrorSchema.parse(await json.json()).error, 'invalid_request');
  });

  it('refreshes: a refresh token brings a new access token that works', async () => {
    const first = await grant(sandbox, password('owner', 'owner-password'));
    const second = await grant(sandbox, { grant_type: 'refresh_token', client_id: 'ocp', refresh_token: first.refresh_token ?? '' });
    assert.notEqual(second.access_token, first.access_token);
    assert.equal((await exportRequest(sandbox, second.access_token)).status, 200);
  });

  it('expires an access token after 300 s: 401 invalid_token, then a refresh brings a working one', async () => {
    const tokens = await grant(sandbox, password('owner-ocp', 'owner-ocp-password'));
    clock += 299_000;
    assert.equal((await exportRequest(sandbox, tokens.access_token)).status, 200);
    clock += 2_000;
    const body = await assertRefused(sandbox, () => exportRequest(sandbox, tokens.access_token), 401, 'invalid_token');
    assert.match(body.message, /expired/);
    assert.equal(body.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    const renewed = await grant(sandbox, { grant_type: 'refresh_token', client_id: 'ocp', refresh_token: tokens.refresh_token ?? '' });
    assert.equal((await exportRequest(sandbox, renewed.access_token)).status, 200);
  });

  it('refuses an expired or unknown refresh token with 401 invalid_grant', async () => {
    const tokens = await grant(sandbox, password('owner', 'owner-password'));
    await assertTokenError(sandbox, { grant_type: 'refresh_token', client_id: 'ocp', refresh_token: 'made-up' }, 401, 'invalid_grant');
    clock += 1_801_000;
    await assertTokenError(sandbox, { grant_type: 'refresh_token', client_id: 'ocp', refresh_token: tokens.refresh_token ?? '' }, 401, 'invalid_grant');
  });

  it('takes only POST', async () => {
    const res = await fetch(sandbox.tokenUrl);
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
  });
});

describe('sandbox OIDC options', () => {
  it('serves another realm and other lifetimes when told', async () => {
    let clock = 0;
    const sandbox = await startSandbox({ seed: SEED, realm: 'eu1', accessTokenTtlSeconds: 10, refreshTokenTtlSeconds: 20, now: () => clock });
    try {
      assert.ok(sandbox.tokenUrl.endsWith('/auth/realms/eu1/protocol/openid-connect/token'));
      const tokens = await grant(sandbox, password('viewer', 'viewer-password'));
      assert.equal(tokens.expires_in, 10);
      assert.equal(tokens.refresh_expires_in, 20);
      clock = 10_000;
      assert.equal((await exportRequest(sandbox, tokens.access_token)).status, 401);
      const old = await fetch(`${sandbox.origin}/auth/realms/ocp/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(password('owner', 'owner-password')) });
      assert.equal(old.status, 404);
    } finally {
      await sandbox.close();
    }
  });
});
