import assert from 'node:assert/strict';
import {
  AuthenticationError,
  DEFAULT_RETRY_POLICY,
  errorForAnswer,
  ForbiddenError,
  InvalidFileError,
  LimitExceededError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TooLargeError,
  UnexpectedStatusError,
  type ErrorAnswer,
} from '@numbers-csv/shared';

function answer(overrides: Partial<ErrorAnswer> & Pick<ErrorAnswer, 'status'>): ErrorAnswer {
  return { call: 'apply', text: '', retryAfterSeconds: undefined, stop: 'final', attempts: 1, policy: DEFAULT_RETRY_POLICY, auth: 'token', ...overrides };
}
const json = (body: object): string => JSON.stringify(body);

describe('api: errors for answers', () => {
  it('types each refusal of the contract and carries its fields, code, message and body', () => {
    const text = json({ error: 'invalid_file', message: 'No OPERATION column.', reasons: [{ column: 'OPERATION', message: 'Missing.' }, { row: 3, message: 'Unknown operation Remove.' }] });
    const invalid = errorForAnswer(answer({ status: 400, text }));
    assert.ok(invalid instanceof InvalidFileError);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.serverCode, 'invalid_file');
    assert.equal(invalid.serverMessage, 'No OPERATION column.');
    assert.equal(invalid.body, text);
    assert.deepEqual(invalid.reasons, [{ column: 'OPERATION', message: 'Missing.' }, { row: 3, message: 'Unknown operation Remove.' }]);
    assert.match(invalid.message, /OPERATION: Missing\.; row 3: Unknown operation Remove\..*No row ran/);

    const forbidden = errorForAnswer(answer({ status: 403, text: json({ error: 'forbidden', message: 'Not OWNER.', groups: ['ocp-uk'] }) }));
    assert.ok(forbidden instanceof ForbiddenError);
    assert.deepEqual(forbidden.groups, ['ocp-uk']);
    assert.match(forbidden.message, /not OWNER of ocp-uk/);

    const tooLarge = errorForAnswer(answer({ status: 413, text: json({ error: 'too_large', message: 'Too big.', limit: 1024 }) }));
    assert.ok(tooLarge instanceof TooLargeError);
    assert.equal(tooLarge.limitBytes, 1024);

    const limits = errorForAnswer(answer({ status: 422, text: json({ error: 'limit_exceeded', message: 'Split.', limits: [{ operation: 'Delete', count: 12, limit: 10 }] }) }));
    assert.ok(limits instanceof LimitExceededError);
    assert.deepEqual(limits.limits, [{ operation: 'Delete', count: 12, limit: 10 }]);
    assert.match(limits.message, /Delete: 12 rows, limit 10/);

    const auth = errorForAnswer(answer({ status: 401, text: json({ error: 'invalid_token', message: 'Expired.' }) }));
    assert.ok(auth instanceof AuthenticationError);
    assert.equal(auth.source, 'api');
  });

  it('says how the retries of a 429 ended', () => {
    const tooLong = errorForAnswer(answer({ status: 429, retryAfterSeconds: 600, stop: 'wait-too-long' }));
    assert.ok(tooLong instanceof RateLimitedError);
    assert.equal(tooLong.retryAfterSeconds, 600);
    assert.match(tooLong.message, /asks to wait 600 s, longer than the 60 s this client waits.*Nothing ran/);
    const exhausted = errorForAnswer(answer({ status: 429, retryAfterSeconds: 1, stop: 'attempts-exhausted', attempts: 3 }));
    assert.match(exhausted.message, /still refused after 3 attempts/);
  });

  it('makes a 5xx to an apply an unknown outcome, unless it is a 503 with Retry-After', () => {
    for (const status of [500, 502, 503, 504, 507]) {
      const error = errorForAnswer(answer({ status, text: 'upstream broke' }));
      assert.ok(error instanceof OutcomeUnknownError, String(status));
      assert.equal(error.reason, 'status');
      assert.match(error.message, /may have been applied.*Do not upload it again: compare with a fresh export/);
    }
    const unavailable = errorForAnswer(answer({ status: 503, retryAfterSeconds: 120, stop: 'wait-too-long' }));
    assert.ok(unavailable instanceof ServerError);
    assert.match(unavailable.message, /No row ran/);
  });

  it('makes a 5xx to an export a server error: the export changes nothing', () => {
    const error = errorForAnswer(answer({ call: 'export', status: 502, attempts: 3, stop: 'attempts-exhausted' }));
    assert.ok(error instanceof ServerError);
    assert.match(error.message, /502, after 3 attempts.*Nothing changed/);
  });

  it('carries a body that is not JSON as text, and quotes its start', () => {
    const html = `<html><body>${'x'.repeat(400)}</body></html>`;
    const error = errorForAnswer(answer({ status: 502, text: html }));
    assert.equal(error.body, html);
    assert.equal(error.serverCode, undefined);
    assert.ok(error.message.includes('The platform answered: "<html><body>xxx'));
    assert.ok(error.message.includes('…'));
  });

  it('treats statuses outside the contract as refusals, but a 303 to an apply as a possible run', () => {
    const notFound = errorForAnswer(answer({ status: 404, text: json({ error: 'not_found', message: 'Nothing here.' }) }));
    assert.ok(notFound instanceof UnexpectedStatusError);
    assert.match(notFound.message, /Check the base URL/);
    assert.ok(errorForAnswer(answer({ status: 303 })) instanceof OutcomeUnknownError);
    assert.ok(errorForAnswer(answer({ call: 'export', status: 303 })) instanceof UnexpectedStatusError);
  });
});
