import type { Operation } from '../domain/operations.js';

/**
 * The errors of the numbers API client. One base class, one subclass per way a call can fail, each
 * with a stable `kind`. Every class but `OutcomeUnknownError` means that nothing ran on the platform
 * (a refusal, or a request that never left); `OutcomeUnknownError` is the one the product must answer
 * with a reconciliation against a fresh export, never with a second upload.
 */

export const API_ERROR_KINDS = [
  'invalid-file',
  'authentication',
  'forbidden',
  'too-large',
  'limit-exceeded',
  'rate-limited',
  'server-error',
  'unexpected-status',
  'connection-failed',
  'connection-lost',
  'outcome-unknown',
  'aborted',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** What the platform said, as far as it said anything. */
export interface ApiErrorDetails {
  /** HTTP status of the answer; undefined when there was no answer. */
  status?: number;
  /** The `error` code of the JSON error body. */
  serverCode?: string;
  /** The `message` of the JSON error body (or `error_description` of the token endpoint). */
  serverMessage?: string;
  /** The answer's body as text, verbatim (JSON or not); undefined when there was none. */
  body?: string;
  cause?: unknown;
}

export abstract class NumbersApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly serverCode: string | undefined;
  readonly serverMessage: string | undefined;
  readonly body: string | undefined;

  constructor(message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.serverMessage = details.serverMessage;
    this.body = details.body;
  }
}

export interface InvalidFileReason {
  row?: number | undefined;
  column?: string | undefined;
  message: string;
}

/** 400 `invalid_file`: the file as a whole was refused, no row ran. */
export class InvalidFileError extends NumbersApiError {
  readonly kind = 'invalid-file';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly reasons: readonly InvalidFileReason[],
  ) {
    super(message, details);
  }
}

/** 401 from the API, or a refusal of the token endpoint. Nothing ran. */
export class AuthenticationError extends NumbersApiError {
  readonly kind = 'authentication';
  constructor(
    message: string,
    details: ApiErrorDetails,
    /** Who refused: the API (a 401) or the OpenID Connect token endpoint (a failed login). */
    readonly source: 'api' | 'token-endpoint',
  ) {
    super(message, details);
  }
}

/** 403: the caller lacks a permission; `groups` are the groups lacking it, when the platform says. */
export class ForbiddenError extends NumbersApiError {
  readonly kind = 'forbidden';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly groups: readonly string[],
  ) {
    super(message, details);
  }
}

/** 413: the upload is over the platform's size cap (`limitBytes` when it says). */
export class TooLargeError extends NumbersApiError {
  readonly kind = 'too-large';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly limitBytes: number | undefined,
  ) {
    super(message, details);
  }
}

export interface ExceededLimit {
  operation: Operation;
  count: number;
  limit: number;
}

/** 422 `limit_exceeded`: more rows of an operation than the platform allows per file. */
export class LimitExceededError extends NumbersApiError {
  readonly kind = 'limit-exceeded';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly limits: readonly ExceededLimit[],
  ) {
    super(message, details);
  }
}

/** 429, still there after the retries (or asking for a longer wait than we accept). Nothing ran. */
export class RateLimitedError extends NumbersApiError {
  readonly kind = 'rate-limited';
  constructor(
    message: string,
    details: ApiErrorDetails,
    /** The last Retry-After, in seconds; undefined when the platform gave none. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message, details);
  }
}

/**
 * A 5xx that left nothing changed: any 5xx of the export (which changes nothing), or a 503 with
 * Retry-After to an apply (the platform says it ran nothing). A 5xx to an apply without that promise
 * is an `OutcomeUnknownError` instead.
 */
export class ServerError extends NumbersApiError {
  readonly kind = 'server-error';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message, details);
  }
}

/** A status the contract does not name (a redirect, a 404 ...): a refusal, nothing ran. */
export class UnexpectedStatusError extends NumbersApiError {
  readonly kind = 'unexpected-status';
}

/** The connection could not be made: the request never left, nothing ran; safe to try again. */
export class ConnectionFailedError extends NumbersApiError {
  readonly kind = 'connection-failed';
  constructor(
    message: string,
    details: ApiErrorDetails,
    /** The system or undici error code (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT ...). */
    readonly code: string | undefined,
  ) {
    super(message, details);
  }
}

/**
 * The export's connection timed out or broke, before the answer or while reading it. The export
 * changes nothing, so running it again is safe; a partly read export must not be used.
 */
export class ConnectionLostError extends NumbersApiError {
  readonly kind = 'connection-lost';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly code: string | undefined,
    readonly phase: 'before-answer' | 'while-reading',
  ) {
    super(message, details);
  }
}

/** `status`: an answer (a 5xx, a 303) that does not say whether the rows ran. */
export type OutcomeUnknownReason = 'timeout' | 'connection-closed' | 'status' | 'aborted' | 'answer-cut-off';

/**
 * The upload may have reached the platform and nothing tells whether its rows ran: a timeout after
 * sending, a connection closed without an answer, a 5xx without the promise of a 503 Retry-After.
 * Never upload the same batch again: compare with a fresh export first.
 */
export class OutcomeUnknownError extends NumbersApiError {
  readonly kind = 'outcome-unknown';
  constructor(
    message: string,
    details: ApiErrorDetails,
    readonly reason: OutcomeUnknownReason,
    readonly code: string | undefined,
  ) {
    super(message, details);
  }
}

/** The caller's signal cancelled the call while nothing was in flight: nothing ran. */
export class AbortedError extends NumbersApiError {
  readonly kind = 'aborted';
}
