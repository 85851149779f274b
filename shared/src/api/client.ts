import { setTimeout as delay } from 'node:timers/promises';
import { Agent, type Dispatcher } from 'undici';
import { APPLY_PATH, EXPORT_PATH, type ApplyResponse } from './contract.js';
import { StaticTokenSource, type TokenSource } from './auth.js';
import { NumbersApiError, OutcomeUnknownError } from './errors.js';
import { ExportBody, type ExportStream } from './export-stream.js';
import { errorForFailure, type Purpose } from './failure.js';
import { discard, sendWithRetries, type FinalAttempt, type HttpContext, type OutgoingRequest } from './http.js';
import { OidcTokenSource, type TokenAnswer } from './oidc.js';
import { endpoint, resolveOptions, type NumbersApiClientOptions } from './options.js';
import { RECONCILE_ADVICE, errorForAnswer, type Call } from './refusal.js';
import { ANSWER_BODY_MAX_BYTES, ERROR_BODY_MAX_BYTES, headerValue, readApplyAnswer, readBodyText, type BodyText } from './response.js';
import { classifyTransportError, type TransportFailure } from './transport.js';
import { applyForm, DEFAULT_UPLOAD_FILENAME } from './upload.js';

/**
 * The numbers API client (docs/numbers-api.md). It sends, retries where a request cannot have taken
 * effect, and turns every other result into an answer or a typed error; it never resends an apply
 * whose body may have reached the platform.
 */

export type ApplyOutcome =
  | { kind: 'answered'; response: ApplyResponse }
  /** A 2xx that is not our JSON shape, verbatim: the rows' outcome is unknown; reconcile with an export. */
  | { kind: 'unexpected-answer'; status: number; contentType: string | undefined; body: string; truncated: boolean };

export interface ExportOptions {
  signal?: AbortSignal;
}

export interface ApplyOptions {
  /** The filename of the uploaded part. Default `operations.csv`. */
  filename?: string;
  /**
   * Cancels the call. Cancelling while the upload is in flight leaves its outcome unknown
   * (`OutcomeUnknownError`); only a cancel while nothing is in flight is a plain `AbortedError`.
   */
  signal?: AbortSignal;
}

export interface NumbersApiClient {
  /** The export, streamed. Resolves once the platform has answered 200; throws the typed error otherwise. */
  exportNumbers(options?: ExportOptions): Promise<ExportStream>;
  /** Uploads an operations CSV. Resolves with the platform's answer; throws the typed error otherwise. */
  applyCsv(csv: string | Uint8Array, options?: ApplyOptions): Promise<ApplyOutcome>;
  /** Closes the client's own connections (not those of a dispatcher given in the options). */
  close(): Promise<void>;
}

export function createNumbersApiClient(options: NumbersApiClientOptions): NumbersApiClient {
  return new Client(options);
}

const defaultSleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

class Client implements NumbersApiClient {
  readonly #exportUrl: URL;
  readonly #applyUrl: URL;
  readonly #http: HttpContext;
  readonly #auth: TokenSource;
  readonly #ownDispatcher: Agent | undefined;

  constructor(options: NumbersApiClientOptions) {
    const { baseUrl, timeouts, retry } = resolveOptions(options);
    this.#exportUrl = endpoint(baseUrl, EXPORT_PATH);
    this.#applyUrl = endpoint(baseUrl, APPLY_PATH);
    let dispatcher: Dispatcher;
    if (options.dispatcher === undefined) {
      this.#ownDispatcher = new Agent({ connect: { timeout: timeouts.connectMs } });
      dispatcher = this.#ownDispatcher;
    } else {
      dispatcher = options.dispatcher;
    }
    const now = options.now ?? Date.now;
    this.#http = {
      dispatcher,
      headersTimeoutMs: timeouts.headersMs,
      bodyTimeoutMs: timeouts.bodyMs,
      retry,
      sleep: options.sleep ?? defaultSleep,
      now,
      onRequest: options.onRequest,
    };
    const { auth } = options;
    this.#auth = 'token' in auth ? new StaticTokenSource(auth.token) : new OidcTokenSource(auth.oidc, { post: (form) => this.#postToken(new URL(auth.oidc.tokenUrl), form), now });
  }

  async exportNumbers(options: ExportOptions = {}): Promise<ExportStream> {
    const { signal } = options;
    const final = await this.#send({ purpose: 'export', kind: 'read', method: 'POST', url: this.#exportUrl, body: () => null, signal });
    if (final.type === 'failure') throw this.#failureError('export', final);
    const { response } = final;
    const contentType = headerValue(response.headers['content-type']);
    if (response.statusCode >= 200 && response.statusCode < 300) return new ExportBody(response, contentType, signal);
    throw await this.#answerError('export', final);
  }

  async applyCsv(csv: string | Uint8Array, options: ApplyOptions = {}): Promise<ApplyOutcome> {
    const { signal } = options;
    // One form for every attempt: undici reads it afresh each time it is sent.
    const form = applyForm(csv, options.filename ?? DEFAULT_UPLOAD_FILENAME);
    const final = await this.#send({ purpose: 'apply', kind: 'write', method: 'PUT', url: this.#applyUrl, body: () => form, signal });
    if (final.type === 'failure') throw this.#failureError('apply', final);
    const { response } = final;
    const status = response.statusCode;
    if (status < 200 || status >= 300) throw await this.#answerError('apply', final);
    const contentType = headerValue(response.headers['content-type']);
    let body: BodyText;
    try {
      body = await readBodyText(response.body, contentType, ANSWER_BODY_MAX_BYTES);
    } catch (error) {
      const failure = classifyTransportError(error, signal?.aborted ?? false);
      throw new OutcomeUnknownError(
        `The platform began to answer the upload (${status}) but the answer broke off${failure.code !== undefined ? ` (${failure.code})` : ''}; the batch reached the platform and may have been applied. ${RECONCILE_ADVICE}`,
        { status, cause: error },
        'answer-cut-off',
        failure.code,
      );
    }
    const answer = body.truncated ? { kind: 'not-our-shape' as const } : readApplyAnswer(body.text);
    if (answer.kind === 'answered') return answer;
    return { kind: 'unexpected-answer', status, contentType, body: body.text, truncated: body.truncated };
  }

  async close(): Promise<void> {
    await this.#ownDispatcher?.close();
  }

  /** Sends with retries; after a 401, once, with a renewed token when the token source has one. */
  async #send(request: Omit<OutgoingRequest, 'headers'>): Promise<FinalAttempt> {
    const outgoing: OutgoingRequest = {
      ...request,
      headers: async () => ({ authorization: `Bearer ${await this.#auth.token(request.signal)}` }),
    };
    const first = await sendWithRetries(outgoing, this.#http);
    if (first.type !== 'answer' || first.response.statusCode !== 401) return first;
    // A 401 is a refusal before anything ran (docs/numbers-api.md), so even a PUT may go again, once.
    const refusedToken = (first.sentHeaders.authorization ?? '').replace(/^Bearer /, '');
    if (!this.#auth.refused(refusedToken)) return first;
    await discard(first.response.body);
    return sendWithRetries(outgoing, this.#http, first.lastAttempt);
  }

  async #postToken(tokenUrl: URL, form: URLSearchParams): Promise<TokenAnswer> {
    const final = await sendWithRetries(
      {
        purpose: 'token',
        kind: 'read',
        method: 'POST',
        url: tokenUrl,
        headers: () => Promise.resolve({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: () => form.toString(),
        // A login is shared by concurrent calls: no one caller's signal may cancel it.
        signal: undefined,
      },
      this.#http,
    );
    if (final.type === 'failure') throw this.#failureError('token', final, tokenUrl);
    const contentType = headerValue(final.response.headers['content-type']);
    try {
      const { text } = await readBodyText(final.response.body, contentType, ERROR_BODY_MAX_BYTES);
      return { status: final.response.statusCode, text };
    } catch (error) {
      throw this.#failureError('token', { failure: classifyTransportError(error, false), error, attempts: final.attempts }, tokenUrl);
    }
  }

  #failureError(purpose: Purpose, final: { failure: TransportFailure; error: unknown; attempts: number }, url: URL = this.#exportUrl): NumbersApiError {
    const { origin } = url;
    const { failure } = final;
    const timeoutMs =
      failure.code === 'UND_ERR_HEADERS_TIMEOUT' ? this.#http.headersTimeoutMs : failure.code === 'UND_ERR_BODY_TIMEOUT' ? this.#http.bodyTimeoutMs : undefined;
    return errorForFailure({ purpose, failure, origin, attempts: final.attempts, timeoutMs, cause: final.error });
  }

  async #answerError(call: Call, final: Extract<FinalAttempt, { type: 'answer' }>): Promise<NumbersApiError> {
    const { response } = final;
    let text = '';
    try {
      text = (await readBodyText(response.body, headerValue(response.headers['content-type']), ERROR_BODY_MAX_BYTES)).text;
    } catch {
      // The status already says what happened; a body cut off only loses the platform's words.
    }
    return errorForAnswer({
      call,
      status: response.statusCode,
      text,
      retryAfterSeconds: final.retryAfterSeconds,
      stop: final.stop,
      attempts: final.lastAttempt,
      policy: this.#http.retry,
      auth: this.#auth.kind,
    });
  }
}
