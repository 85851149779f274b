import {
  AuthenticationError,
  ConnectionFailedError,
  ConnectionLostError,
  createNumbersApiClient,
  ForbiddenError,
  InvalidFileError,
  LimitExceededError,
  NumbersApiError,
  liveSnapshot,
  SnapshotReadError,
  type NumbersApiClient,
  type Snapshot,
} from '@numbers-csv/shared';
import type { Connection } from './connection.js';
import { CliError } from './errors.js';

export function apiClient(connection: Connection): NumbersApiClient {
  return createNumbersApiClient({ baseUrl: connection.baseUrl, auth: connection.auth });
}

/** The live numbers a batch names, read from a fresh export; a failure is the user's one line. */
export async function batchSnapshot(client: NumbersApiClient, text: string): Promise<Snapshot> {
  return liveSnapshot(client, text).catch(apiFailure('read the export'));
}

/**
 * The lines a failed call prints. Refusals say what the platform said; problems of the connection
 * or the credentials say what to check. Never a token, never a stack trace.
 */
export function apiFailure(doing: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof SnapshotReadError) throw new CliError(`cannot ${doing}: ${error.message}`);
    if (!(error instanceof NumbersApiError)) throw error;
    throw new CliError(describeApiError(doing, error));
  };
}

export function describeApiError(doing: string, error: NumbersApiError): string[] {
  return [`cannot ${doing}: ${error.message}`, ...details(error)];
}

function details(error: NumbersApiError): string[] {
  if (error instanceof InvalidFileError) return error.reasons.map((reason) => `  ${reason.row !== undefined ? `row ${reason.row}: ` : ''}${reason.column ? `${reason.column}: ` : ''}${reason.message}`);
  if (error instanceof LimitExceededError) return error.limits.map((limit) => `  ${limit.operation}: ${limit.count} rows, limit ${limit.limit}`);
  if (error instanceof ForbiddenError && error.groups.length > 0) return [`  groups: ${error.groups.join(', ')}`];
  if (error instanceof AuthenticationError) return ['  check NUMBERS_API_TOKEN, or the OpenID Connect user and password'];
  if (error instanceof ConnectionFailedError || error instanceof ConnectionLostError) return ['  check NUMBERS_API_BASE_URL (or --base-url) and the network'];
  return [];
}

/** Whether the platform refused the file as a whole: nothing ran, and the file is what to change. */
export function isRefusal(error: unknown): error is NumbersApiError {
  return error instanceof InvalidFileError || error instanceof ForbiddenError || error instanceof LimitExceededError || (error instanceof NumbersApiError && error.kind === 'too-large');
}
