import type { TransportFailure } from './transport.js';

/**
 * When the client sends a request again. Pure: the client asks after every attempt.
 *
 * - `write` (the apply, a PUT that is not idempotent) is sent again only where the first attempt
 *   cannot have taken effect: the connection was never made, or the platform said "not now" with a
 *   Retry-After (429, 503). Anything else (a timeout, a broken connection, 500, 502, 504, a 503
 *   without Retry-After) may have run, and is reported, never resent.
 * - `read` (the export, a login at the token endpoint) changes nothing on the platform, so it is also
 *   sent again after a broken connection, a 429 or 503 without Retry-After, and a 502, 503 or 504
 *   (gateway and availability failures that pass). A timeout is not retried even then: the platform
 *   took longer than we allow once, and waiting as long again, twice, is worse than saying so. A 500
 *   is a failure of the platform, not of the moment, and is reported at once.
 */
export type RequestKind = 'read' | 'write';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** A Retry-After longer than this ends the retries: we report rather than wait that long. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, maxRetryAfterSeconds: 60 };

export type AttemptResult =
  | { type: 'answer'; status: number; retryAfterSeconds: number | undefined }
  | { type: 'failure'; failure: TransportFailure };

export type StopReason =
  /** The result is final: success, a refusal, or a result after which a resend is not safe. */
  | 'final'
  /** A retryable result, but the attempts are used up. */
  | 'attempts-exhausted'
  /** A retryable result whose Retry-After is longer than `maxRetryAfterSeconds`. */
  | 'wait-too-long';

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: StopReason };

/** Waits between attempts when the platform does not say how long: 0.5 s, 1 s, 2 s ... up to 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** Math.max(0, attempt - 1), 8000);
}

/** `attempt` is the 1-based number of the attempt that just ended with `result`. */
export function decideRetry(kind: RequestKind, result: AttemptResult, attempt: number, policy: RetryPolicy): RetryDecision {
  const wait = retryableWait(kind, result, attempt);
  if (wait === undefined) return { retry: false, reason: 'final' };
  if (wait.fromRetryAfter && wait.delayMs > policy.maxRetryAfterSeconds * 1000) return { retry: false, reason: 'wait-too-long' };
  if (attempt >= policy.attempts) return { retry: false, reason: 'attempts-exhausted' };
  return { retry: true, delayMs: wait.delayMs };
}

/** How long to wait before trying again, or undefined when the result must not (or need not) be retried. */
function retryableWait(kind: RequestKind, result: AttemptResult, attempt: number): { delayMs: number; fromRetryAfter: boolean } | undefined {
  if (result.type === 'failure') {
    const { failure } = result;
    if (failure.kind === 'not-sent') return failure.retryable ? { delayMs: backoffMs(attempt), fromRetryAfter: false } : undefined;
    if (failure.kind === 'connection-closed' && kind === 'read') return { delayMs: backoffMs(attempt), fromRetryAfter: false };
    return undefined;
  }
  const { status, retryAfterSeconds } = result;
  const saysNotNow = status === 429 || status === 503;
  if (saysNotNow && retryAfterSeconds !== undefined) return { delayMs: retryAfterSeconds * 1000, fromRetryAfter: true };
  if (kind === 'write') return undefined;
  if (saysNotNow || status === 502 || status === 504) {
    return retryAfterSeconds !== undefined ? { delayMs: retryAfterSeconds * 1000, fromRetryAfter: true } : { delayMs: backoffMs(attempt), fromRetryAfter: false };
  }
  return undefined;
}
