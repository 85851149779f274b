import assert from 'node:assert/strict';
import { backoffMs, classifyTransportError, decideRetry, DEFAULT_RETRY_POLICY, type AttemptResult, type TransportFailure } from '@numbers-csv/shared';

const policy = DEFAULT_RETRY_POLICY;
const answer = (status: number, retryAfterSeconds?: number): AttemptResult => ({ type: 'answer', status, retryAfterSeconds });
const failure = (f: TransportFailure): AttemptResult => ({ type: 'failure', failure: f });
const refused: TransportFailure = { kind: 'not-sent', retryable: true, code: 'ECONNREFUSED' };
const reset: TransportFailure = { kind: 'connection-closed', code: 'ECONNRESET' };
const timeout: TransportFailure = { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' };

describe('api: retry decisions', () => {
  describe('an apply (write) is sent again only where it cannot have run', () => {
    it('retries a refused connection with backoff', () => {
      assert.deepEqual(decideRetry('write', failure(refused), 1, policy), { retry: true, delayMs: 500 });
      assert.deepEqual(decideRetry('write', failure(refused), 2, policy), { retry: true, delayMs: 1000 });
    });

    it('waits as 429 and 503 with Retry-After say', () => {
      assert.deepEqual(decideRetry('write', answer(429, 2), 1, policy), { retry: true, delayMs: 2000 });
      assert.deepEqual(decideRetry('write', answer(503, 0), 1, policy), { retry: true, delayMs: 0 });
    });

    it('never resends after a timeout, a broken connection, 500, 502, 504 or a 503 without Retry-After', () => {
      for (const result of [failure(timeout), failure(reset), answer(500), answer(502), answer(504), answer(503), answer(502, 1), answer(500, 1)]) {
        assert.deepEqual(decideRetry('write', result, 1, policy), { retry: false, reason: 'final' }, JSON.stringify(result));
      }
    });

    it('does not retry a 429 that gives no Retry-After, nor a TLS refusal', () => {
      assert.deepEqual(decideRetry('write', answer(429), 1, policy), { retry: false, reason: 'final' });
      assert.deepEqual(decideRetry('write', failure({ kind: 'not-sent', retryable: false, code: 'CERT_HAS_EXPIRED' }), 1, policy), { retry: false, reason: 'final' });
    });

    it('gives up past the Retry-After cap, and after the attempts', () => {
      assert.deepEqual(decideRetry('write', answer(429, 61), 1, policy), { retry: false, reason: 'wait-too-long' });
      assert.deepEqual(decideRetry('write', answer(429, 60), 1, policy), { retry: true, delayMs: 60_000 });
      assert.deepEqual(decideRetry('write', answer(429, 1), 3, policy), { retry: false, reason: 'attempts-exhausted' });
      assert.deepEqual(decideRetry('write', failure(refused), 3, policy), { retry: false, reason: 'attempts-exhausted' });
      assert.deepEqual(decideRetry('write', failure(refused), 1, { attempts: 1, maxRetryAfterSeconds: 60 }), { retry: false, reason: 'attempts-exhausted' });
    });

    it('does not retry successes and refusals', () => {
      for (const status of [200, 400, 401, 403, 413, 422, 404]) {
        assert.deepEqual(decideRetry('write', answer(status), 1, policy), { retry: false, reason: 'final' }, String(status));
      }
    });
  });

  describe('an export (read) changes nothing', () => {
    it('is also retried after a broken connection and 502, 503, 504, and 429 without Retry-After', () => {
      assert.deepEqual(decideRetry('read', failure(reset), 1, policy), { retry: true, delayMs: 500 });
      for (const status of [502, 503, 504, 429]) {
        assert.deepEqual(decideRetry('read', answer(status), 2, policy), { retry: true, delayMs: 1000 }, String(status));
      }
      assert.deepEqual(decideRetry('read', answer(502, 3), 1, policy), { retry: true, delayMs: 3000 });
    });

    it('is not retried after a timeout or a 500', () => {
      assert.deepEqual(decideRetry('read', failure(timeout), 1, policy), { retry: false, reason: 'final' });
      assert.deepEqual(decideRetry('read', answer(500), 1, policy), { retry: false, reason: 'final' });
    });
  });

  it('backs off 0.5 s, 1 s, 2 s ... up to 8 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 10].map(backoffMs), [500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('api: what a failed attempt says about the request', () => {
  const withCode = (code: string, syscall?: string): Error => Object.assign(new Error(code), { code, syscall });

  it('counts failures while connecting as not sent', () => {
    assert.deepEqual(classifyTransportError(withCode('ECONNREFUSED', 'connect'), false), { kind: 'not-sent', retryable: true, code: 'ECONNREFUSED' });
    assert.deepEqual(classifyTransportError(withCode('ENOTFOUND', 'getaddrinfo'), false), { kind: 'not-sent', retryable: true, code: 'ENOTFOUND' });
    assert.deepEqual(classifyTransportError(withCode('UND_ERR_CONNECT_TIMEOUT'), false), { kind: 'not-sent', retryable: true, code: 'UND_ERR_CONNECT_TIMEOUT' });
    assert.deepEqual(classifyTransportError(withCode('CERT_HAS_EXPIRED'), false), { kind: 'not-sent', retryable: false, code: 'CERT_HAS_EXPIRED' });
    const aggregate = new AggregateError([withCode('ECONNREFUSED', 'connect'), withCode('ENETUNREACH', 'connect')]);
    assert.equal(classifyTransportError(aggregate, false).kind, 'not-sent');
  });

  it('counts the same codes on an established socket as maybe sent', () => {
    assert.equal(classifyTransportError(withCode('EHOSTUNREACH', 'write'), false).kind, 'connection-closed');
    assert.equal(classifyTransportError(withCode('ETIMEDOUT', 'read'), false).kind, 'connection-closed');
  });

  it('reads timeouts, resets, unknown errors and aborts', () => {
    assert.deepEqual(classifyTransportError(withCode('UND_ERR_HEADERS_TIMEOUT'), false), { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' });
    assert.deepEqual(classifyTransportError(withCode('UND_ERR_SOCKET'), false), { kind: 'connection-closed', code: 'UND_ERR_SOCKET' });
    assert.deepEqual(classifyTransportError(new Error('something odd'), false), { kind: 'connection-closed', code: undefined });
    assert.equal(classifyTransportError(withCode('ECONNREFUSED', 'connect'), true).kind, 'aborted');
    assert.equal(classifyTransportError(withCode('UND_ERR_ABORTED'), false).kind, 'aborted');
  });

  it('finds the code in a cause', () => {
    const wrapped = new Error('fetch failed', { cause: withCode('UND_ERR_SOCKET') });
    assert.deepEqual(classifyTransportError(wrapped, false), { kind: 'connection-closed', code: 'UND_ERR_SOCKET' });
  });
});
