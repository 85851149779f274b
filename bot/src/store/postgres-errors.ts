import { DatabaseError } from 'pg';

/** A PostgreSQL error the store lets through, stripped of what could quote a row. */
export class PostgresStoreError extends Error {
  override readonly name = 'PostgresStoreError';
  constructor(
    message: string,
    /** The SQLSTATE, e.g. 23505 for a unique violation. */
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * PostgreSQL puts the failing row in an error's `detail` ("Failing row contains (…)"), and a batch row
 * holds the file's contents: an error that reaches a log must not carry it.
 */
export function withoutRowValues(error: unknown): unknown {
  if (!(error instanceof DatabaseError)) return error;
  return new PostgresStoreError(`PostgreSQL: ${error.message}${error.code === undefined ? '' : ` (SQLSTATE ${error.code})`}`, error.code);
}
