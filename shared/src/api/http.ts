import { request, type Dispatcher, type FormData } from 'undici';
import { abortedError, type Purpose } from './failure.js';
import { parseRetryAfter } from './retry-after.js';
import { decideRetry, type AttemptResult, type RequestKind, type RetryPolicy, type StopReason } from './retry.js';
import { classifyTransportError, type TransportFailure } from './transport.js';

/**
 * One request, sent and sent again as `decideRetry` allows. Returns the final answer or failure and
 * leaves its reading to the caller; throws only when the caller's signal ends a wait, or when
 * `headers()` throws (a failed login), both before anything is in flight.
 */

/** Reported after every HTTP attempt, for callers that count requests. Never carries a token. */
export type RequestEvent = {
  purpose: Purpose;
  method: string;
  url: string;
  /** 1-based, counted over the whole call (a resend after a 401 continues the count). */
  attempt: number;
} & ({ status: number; error?: undefined } | { status?: undefined; error: string });

export interface HttpContext {
  dispatcher: Dispatcher;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  onRequest: ((event: RequestEvent) => void) | undefined;
}

export interface OutgoingRequest {
  purpose: Purpose;
  kind: RequestKind;
  method: 'POST' | 'PUT';
  url: URL;
  /** Called before every attempt, so that a resend carries a token that is valid then. */
  headers: () => Promise<Record<string, string>>;
  /** Called before every attempt: a body stream can be read once only. */
  body: () => string | Uint8Array | FormData | null;
  signal: AbortSignal | undefined;
}

export type FinalAttempt =
  | {
      type: 'answer';
      response: Dispatcher.ResponseData;
      retryAfterSeconds: number | undefined;
      /** The headers this attempt was sent with: a 401 names the token it refused. */
      sentHeaders: Record<string, string>;
      attempts: number;
      lastAttempt: number;
      stop: StopReason;
    }
  | { type: 'failure'; failure: TransportFailure; error: unknown; attempts: number; lastAttempt: number; stop: StopReason };

export async function sendWithRetries(req: OutgoingRequest, context: HttpContext, attemptOffset = 0): Promise<FinalAttempt> {
  const { signal } = req;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortedError(req.purpose);
    const headers = await req.headers();
    const eventBase = { purpose: req.purpose, method: req.method, url: req.url.href, attempt: attemptOffset + attempt };
    let result: AttemptResult;
    let final: FinalAttempt;
    try {
      const response = await request(req.url, {
        method: req.method,
        headers,
        body: req.body(),
        dispatcher: context.dispatcher,
        headersTimeout: context.headersTimeoutMs,
        bodyTimeout: context.bodyTimeoutMs,
        signal,
      });
      const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], context.now());
      report(context, { ...eventBase, status: response.statusCode });
      result = { type: 'answer', status: response.statusCode, retryAfterSeconds };
      final = { type: 'answer', response, retryAfterSeconds, sentHeaders: headers, attempts: attempt, lastAttempt: attemptOffset + attempt, stop: 'final' };
    } catch (error) {
      const failure = classifyTransportError(error, signal?.aborted ?? false);
      report(context, { ...eventBase, error: failure.code ?? failure.kind });
      result = { type: 'failure', failure };
      final = { type: 'failure', failure, error, attempts: attempt, lastAttempt: attemptOffset + attempt, stop: 'final' };
    }
    const decision = decideRetry(req.kind, result, attempt, context.retry);
    if (!decision.retry) return { ...final, stop: decision.reason };
    if (final.type === 'answer') await discard(final.response.body);
    try {
      await context.sleep(decision.delayMs, signal);
    } catch (error) {
      if (signal?.aborted) throw abortedError(req.purpose);
      throw error;
    }
  }
}

function report(context: HttpContext, event: RequestEvent): void {
  try {
    context.onRequest?.(event);
  } catch {
    // A failing hook must not turn an answered upload into an error: its outcome would be lost.
  }
}

/** Reads and drops a body we do not need, so that its connection can serve the next attempt. */
export async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // Dropping it failed: the connection is closed instead, which is all we needed.
  }
}
