import assert from 'node:assert/strict';
import { AuthenticationError, OidcTokenSource, renewalMarginMs, ServerError, type TokenAnswer } from '@numbers-csv/shared';

interface FakeEndpoint {
  forms: URLSearchParams[];
  post: (form: URLSearchParams) => Promise<TokenAnswer>;
}

/** A token endpoint that answers from a script, in order; records every form. */
function endpoint(...answers: (TokenAnswer | (() => Promise<TokenAnswer>))[]): FakeEndpoint {
  const forms: URLSearchParams[] = [];
  return {
    forms,
    post: async (form) => {
      forms.push(form);
      const next = answers.shift();
      if (next === undefined) throw new Error('the fake token endpoint was asked more often than scripted');
      return typeof next === 'function' ? next() : next;
    },
  };
}

let issued = 0;
function tokens(expiresIn = 300, refreshExpiresIn = 1800): TokenAnswer {
  issued++;
  return {
    status: 200,
    text: JSON.stringify({ access_token: `access-${issued}`, expires_in: expiresIn, refresh_token: `refresh-${issued}`, refresh_expires_in: refreshExpiresIn, token_type: 'Bearer' }),
  };
}
const refusal = (error: string, description: string, status = 401): TokenAnswer => ({ status, text: JSON.stringify({ error, error_description: description }) });
const grants = (fake: FakeEndpoint): (string | null)[] => fake.forms.map((form) => form.get('grant_type'));

const options = { tokenUrl: 'https://auth.example/auth/realms/ocp/protocol/openid-connect/token', username: 'ana', password: 's3cret-pw' };

describe('api: OpenID Connect session', () => {
  let clock = 0;
  const now = (): number => clock;
  beforeEach(() => {
    clock = 1_000_000;
    issued = 0;
  });

  it('renews 30 s early, or a tenth of a short lifetime early', () => {
    assert.equal(renewalMarginMs(300_000), 30_000);
    assert.equal(renewalMarginMs(10_000), 1_000);
  });

  it('logs in with the password grant on first use and keeps the token', async () => {
    const fake = endpoint(tokens());
    const session = new OidcTokenSource({ ...options, totp: '123456' }, { post: fake.post, now });
    assert.equal(await session.token(), 'access-1');
    assert.equal(await session.token(), 'access-1');
    assert.equal(fake.forms.length, 1);
    assert.deepEqual(Object.fromEntries(fake.forms[0]!), { grant_type: 'password', client_id: 'ocp', username: 'ana', password: 's3cret-pw', totp: '123456' });
  });

  it('refreshes with the refresh token shortly before the access token expires', async () => {
    const fake = endpoint(tokens(), tokens());
    const session = new OidcTokenSource(options, { post: fake.post, now });
    await session.token();
    clock += 269_000;
    assert.equal(await session.token(), 'access-1', 'still 31 s to live: kept');
    clock += 2_000;
    assert.equal(await session.token(), 'access-2', '29 s to live: renewed');
    assert.deepEqual(grants(fake), ['password', 'refresh_token']);
    assert.equal(fake.forms[1]!.get('refresh_token'), 'refresh-1');
    assert.equal(fake.forms[1]!.get('client_id'), 'ocp');
  });

  it('logs in again when the refresh token has expired, without trying it', async () => {
    const fake = endpoint(tokens(300, 600), tokens());
    const session = new OidcTokenSource(options, { post: fake.post, now });
    await session.token();
    clock += 600_000;
    assert.equal(await session.token(), 'access-2');
    assert.deepEqual(grants(fake), ['password', 'password']);
  });

  it('logs in again when the refresh token is refused', async () => {
    const fake = endpoint(tokens(), refusal('invalid_grant', 'Token is not active', 400), tokens());
    const session = new OidcTokenSource(options, { post: fake.post, now });
    await session.token();
    clock += 290_000;
    assert.equal(await session.token(), 'access-2');
    assert.deepEqual(grants(fake), ['password', 'refresh_token', 'password']);
  });

  it('renews once for concurrent callers', async () => {
    let release: (answer: TokenAnswer) => void = () => undefined;
    const fake = endpoint(() => new Promise<TokenAnswer>((resolve) => (release = resolve)));
    const session = new OidcTokenSource(options, { post: fake.post, now });
    const waiting = [session.token(), session.token(), session.token()];
    await new Promise((resolve) => setImmediate(resolve));
    release(tokens());
    assert.deepEqual(await Promise.all(waiting), ['access-1', 'access-1', 'access-1']);
    assert.equal(fake.forms.length, 1);
  });

  it('renews after the platform refused the token it holds, not after a refusal of an older one', async () => {
    const fake = endpoint(tokens(), tokens());
    const session = new OidcTokenSource(options, { post: fake.post, now });
    const first = await session.token();
    assert.equal(session.refused(first), true);
    assert.equal(await session.token(), 'access-2');
    session.refused(first);
    assert.equal(await session.token(), 'access-2');
    assert.deepEqual(grants(fake), ['password', 'refresh_token']);
  });

  it('asks a totp function for a fresh code at every password login', async () => {
    const fake = endpoint(tokens(300, 60), tokens());
    let codes = 0;
    const session = new OidcTokenSource({ ...options, totp: () => String(++codes).padStart(6, '0') }, { post: fake.post, now });
    await session.token();
    clock += 600_000;
    await session.token();
    assert.deepEqual(
      fake.forms.map((form) => form.get('totp')),
      ['000001', '000002'],
    );
  });

  it('turns a refused login into an authentication error naming the description, never the password', async () => {
    const fake = endpoint(refusal('invalid_grant', 'Invalid user credentials'));
    const session = new OidcTokenSource(options, { post: fake.post, now });
    const error = await session.token().then(
      () => assert.fail('the login should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.source, 'token-endpoint');
    assert.equal(error.status, 401);
    assert.equal(error.serverCode, 'invalid_grant');
    assert.equal(error.serverMessage, 'Invalid user credentials');
    assert.match(error.message, /login of ana .* refused \(401 invalid_grant: Invalid user credentials\)\. Check the user name and the password\./);
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes('s3cret-pw'));
  });

  it('does not keep a failed renewal: the next call tries again', async () => {
    const fake = endpoint({ status: 503, text: 'down' }, tokens());
    const session = new OidcTokenSource(options, { post: fake.post, now });
    await assert.rejects(session.token(), ServerError);
    assert.equal(await session.token(), 'access-1');
  });

  it('reports a 200 that holds no token without quoting the body', async () => {
    const fake = endpoint({ status: 200, text: '{"access_token":"leaky","expires_in":"soon"}' });
    const session = new OidcTokenSource(options, { post: fake.post, now });
    const error = await session.token().then(
      () => assert.fail('the login should fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.body, undefined);
    assert.ok(!error.message.includes('leaky'));
  });
});
