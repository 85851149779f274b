export * from './contract.js';
export { liveSnapshot } from './live-snapshot.js';
export { createNumbersApiClient, type ApplyOptions, type ApplyOutcome, type ExportOptions, type NumbersApiClient } from './client.js';
export { DEFAULT_TIMEOUTS, type ApiAuth, type ApiTimeouts, type NumbersApiClientOptions } from './options.js';
export type { ExportStream } from './export-stream.js';
export type { RequestEvent } from './http.js';
export { OidcTokenSource, renewalMarginMs, type OidcDeps, type OidcOptions, type TokenAnswer } from './oidc.js';
export {
  API_ERROR_KINDS,
  AbortedError,
  AuthenticationError,
  ConnectionFailedError,
  ConnectionLostError,
  ForbiddenError,
  InvalidFileError,
  LimitExceededError,
  NumbersApiError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TooLargeError,
  UnexpectedStatusError,
  type ApiErrorDetails,
  type ApiErrorKind,
  type ExceededLimit,
  type InvalidFileReason,
  type OutcomeUnknownReason,
} from './errors.js';
export { parseRetryAfter } from './retry-after.js';
export { DEFAULT_RETRY_POLICY, backoffMs, decideRetry, type AttemptResult, type RequestKind, type RetryDecision, type RetryPolicy, type StopReason } from './retry.js';
export { classifyTransportError, type TransportFailure } from './transport.js';
export { readApplyAnswer, readBodyText, readErrorBody, type ApplyAnswer, type BodyText, type ErrorBodyFields } from './response.js';
export { errorForAnswer, type ErrorAnswer } from './refusal.js';
