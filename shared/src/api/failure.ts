import { AbortedError, ConnectionFailedError, ConnectionLostError, NumbersApiError, OutcomeUnknownError } from './errors.js';
import { RECONCILE_ADVICE } from './refusal.js';
import type { TransportFailure } from './transport.js';

/**
 * The typed error for an attempt that got no answer. Whether the request may have run decides the
 * class: for an apply, anything after the connection was made is an unknown outcome.
 */

export type Purpose = 'export' | 'apply' | 'token';

export interface FailureContext {
  purpose: Purpose;
  failure: TransportFailure;
  /** Where the request went, without path or query: what a person can check. */
  origin: string;
  attempts: number;
  /** The timeout that fired, when one did. */
  timeoutMs: number | undefined;
  cause: unknown;
}

const WHAT: Record<Purpose, string> = { export: 'the export', apply: 'the upload', token: 'the login at the token endpoint' };

export function errorForFailure(context: FailureContext): NumbersApiError {
  const { purpose, failure, origin, attempts, cause } = context;
  const code = failure.code;
  const codeNote = code !== undefined ? ` (${code})` : '';
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const details = { cause };
  switch (failure.kind) {
    case 'not-sent':
      return new ConnectionFailedError(
        `Could not connect to ${origin}${codeNote}${tries}. Nothing was sent, so nothing ran; check the base URL and the network, then try again.`,
        details,
        code,
      );
    case 'aborted':
      if (purpose === 'apply') {
        return new OutcomeUnknownError(`The upload was cancelled after it started; the batch may have been applied. ${RECONCILE_ADVICE}`, details, 'aborted', code);
      }
      return abortedError(purpose);
    case 'timeout': {
      const within = context.timeoutMs !== undefined ? ` within ${formatSeconds(context.timeoutMs)}` : '';
      if (purpose === 'apply') {
        return new OutcomeUnknownError(`The platform did not answer${within} after the upload${codeNote}; the batch may have been applied. ${RECONCILE_ADVICE}`, details, 'timeout', code);
      }
      return new ConnectionLostError(`The platform did not answer ${WHAT[purpose]}${within}${codeNote}. Nothing changed; try again later, or allow a longer timeout.`, details, code, 'before-answer');
    }
    case 'connection-closed':
      if (purpose === 'apply') {
        return new OutcomeUnknownError(
          `The connection closed after the upload, before the platform answered${codeNote}; the batch may have been applied. ${RECONCILE_ADVICE}`,
          details,
          'connection-closed',
          code,
        );
      }
      return new ConnectionLostError(`The connection closed before the platform answered ${WHAT[purpose]}${codeNote}${tries}. Nothing changed; try again.`, details, code, 'before-answer');
  }
}

export function abortedError(purpose: Purpose): AbortedError {
  return new AbortedError(`${capitalise(WHAT[purpose])} was cancelled while no request was in flight; nothing ran.`);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
