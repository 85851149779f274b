import {
  AuthenticationError,
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
} from './errors.js';
import { readErrorBody, type ErrorBodyFields } from './response.js';
import type { RetryPolicy, StopReason } from './retry.js';

/**
 * The typed error for an answer that is not a success, with a message that says what happened and
 * what to do. The contract's refusals (docs/numbers-api.md) mean that nothing ran; for an apply, a
 * 5xx without the promise of a 503 Retry-After may have run and becomes an `OutcomeUnknownError`.
 */

export type Call = 'export' | 'apply';

export interface ErrorAnswer {
  call: Call;
  status: number;
  /** The body, verbatim. */
  text: string;
  retryAfterSeconds: number | undefined;
  /** Why the retries ended (`final` when the answer was never retryable). */
  stop: StopReason;
  /** Attempts made, the last included. */
  attempts: number;
  policy: RetryPolicy;
  /** How the client authenticates: a 401 after a fresh OpenID Connect login says something else. */
  auth: 'token' | 'oidc';
}

export const RECONCILE_ADVICE = 'Do not upload it again: compare with a fresh export (numbers-csv plan) first.';

export function errorForAnswer(answer: ErrorAnswer): NumbersApiError {
  const { call, status } = answer;
  const fields = readErrorBody(answer.text);
  const details: ApiErrorDetails = { status, body: answer.text };
  if (fields.error !== undefined) details.serverCode = fields.error;
  if (fields.message !== undefined) details.serverMessage = fields.message;
  const label = statusLabel(status, fields);
  const said = platformSaid(fields, answer.text);

  if (status === 401) {
    const advice =
      answer.auth === 'oidc'
        ? 'It was refused even after a new login: check that the user may use the API of this environment.'
        : 'The token is missing, unknown or expired: create a new personal access token and try again.';
    return new AuthenticationError(`The platform refused the access token (${label}).${said} Nothing ran. ${advice}`, details, 'api');
  }
  if (status === 429) {
    return new RateLimitedError(`The platform is limiting requests (${label}) and ${retryStory(answer)}.${said} Nothing ran; try again later.`, details, answer.retryAfterSeconds);
  }
  if (status >= 500 && status <= 599) {
    if (call === 'export') {
      return new ServerError(`The platform failed to export the numbers (${label}${afterAttempts(answer)}).${said} Nothing changed; try again later.`, details, answer.retryAfterSeconds);
    }
    if (status === 503 && answer.retryAfterSeconds !== undefined) {
      return new ServerError(`The platform is unavailable (${label}) and ${retryStory(answer)}.${said} No row ran; upload the file again later.`, details, answer.retryAfterSeconds);
    }
    return new OutcomeUnknownError(
      `The platform answered ${label} to the upload; the batch may have been applied, in full or in part.${said} ${RECONCILE_ADVICE}`,
      details,
      'status',
      undefined,
    );
  }
  if (call === 'apply') {
    const refusal = applyRefusal(status, label, said, fields, details);
    if (refusal !== undefined) return refusal;
  } else if (status === 403) {
    return new ForbiddenError(`The platform refused the export (${label}).${said} Check that the user holds a role in the groups whose numbers you need.`, details, fields.groups ?? []);
  }
  if (status === 303 && call === 'apply') {
    // "See Other" is what a server answers after it has processed a request: it may have run.
    return new OutcomeUnknownError(`The platform answered ${label} to the upload, which may follow a processed request.${said} ${RECONCILE_ADVICE}`, details, 'status', undefined);
  }
  const what = call === 'apply' ? 'the upload' : 'the export';
  return new UnexpectedStatusError(
    `The platform answered ${label} to ${what}, a status the numbers API does not use.${said} Nothing ran. Check the base URL (https://<environment host>/integrations).`,
    details,
  );
}

function applyRefusal(status: number, label: string, said: string, fields: ErrorBodyFields, details: ApiErrorDetails): NumbersApiError | undefined {
  switch (status) {
    case 400: {
      const reasons = fields.reasons ?? [];
      return new InvalidFileError(
        `The platform refused the file (${label}).${said}${listReasons(reasons)} No row ran. Fix the file (numbers-csv check shows its problems) and upload it again.`,
        details,
        reasons,
      );
    }
    case 403: {
      const groups = fields.groups ?? [];
      const whose = groups.length > 0 ? ` You are not OWNER of ${groups.join(', ')}.` : '';
      return new ForbiddenError(
        `The platform refused the file (${label}).${whose}${said} No row ran. Applying needs the OWNER role in every group the file touches: ask for it, or remove those groups' rows.`,
        details,
        groups,
      );
    }
    case 413: {
      const cap = fields.limit !== undefined ? `, over ${fields.limit} bytes` : '';
      return new TooLargeError(
        `The file is larger than the platform accepts (${label}${cap}).${said} No row ran. Split it (numbers-csv split) and upload the parts one after the other.`,
        details,
        fields.limit,
      );
    }
    case 422: {
      const limits = fields.limits ?? [];
      const over = limits.length > 0 ? ` ${limits.map((l) => `${l.operation}: ${l.count} rows, limit ${l.limit}`).join('; ')}.` : '';
      return new LimitExceededError(
        `The file has more rows of an operation than the platform allows in one file (${label}).${over}${said} No row ran. Split it (numbers-csv split) and upload the parts one after the other.`,
        details,
        limits,
      );
    }
    default:
      return undefined;
  }
}

/** "429 rate_limited", or "502" when the body names no code. */
function statusLabel(status: number, fields: ErrorBodyFields): string {
  return fields.error !== undefined ? `${status} ${fields.error}` : String(status);
}

const QUOTE_MAX = 300;

/** The platform's message for people, or the start of a body that is not our JSON. */
function platformSaid(fields: ErrorBodyFields, text: string): string {
  if (fields.message !== undefined) return ` The platform says: "${fields.message}".`;
  const trimmed = text.trim();
  if (trimmed === '' || fields.error !== undefined) return '';
  const quoted = trimmed.length > QUOTE_MAX ? `${trimmed.slice(0, QUOTE_MAX)}…` : trimmed;
  return ` The platform answered: "${quoted}".`;
}

const REASONS_SHOWN = 5;

function listReasons(reasons: readonly { row?: number | undefined; column?: string | undefined; message: string }[]): string {
  if (reasons.length === 0) return '';
  const shown = reasons.slice(0, REASONS_SHOWN).map((r) => {
    const where = [r.row !== undefined ? `row ${r.row}` : undefined, r.column].filter((part) => part !== undefined).join(', ');
    return where === '' ? r.message : `${where}: ${r.message}`;
  });
  const more = reasons.length > REASONS_SHOWN ? ` (and ${reasons.length - REASONS_SHOWN} more)` : '';
  return ` ${shown.join('; ')}${more}.`;
}

function retryStory(answer: ErrorAnswer): string {
  const wait = answer.retryAfterSeconds;
  if (answer.stop === 'wait-too-long' && wait !== undefined) {
    return `asks to wait ${wait} s, longer than the ${answer.policy.maxRetryAfterSeconds} s this client waits`;
  }
  if (answer.stop === 'attempts-exhausted') return `still refused after ${answer.attempts} attempts`;
  return wait === undefined ? 'did not say when to try again' : `asks to wait ${wait} s`;
}

function afterAttempts(answer: ErrorAnswer): string {
  return answer.attempts > 1 ? `, after ${answer.attempts} attempts` : '';
}
