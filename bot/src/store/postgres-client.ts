import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { withoutRowValues } from './postgres-errors.js';

/** A query whose error, if any, quotes no row. */
export async function query<R extends QueryResultRow>(on: Pool | PoolClient, sql: string, params: unknown[] = []): Promise<QueryResult<R>> {
  try {
    return await on.query<R>(sql, params);
  } catch (error) {
    throw withoutRowValues(error);
  }
}

/** Runs `work` between BEGIN and COMMIT on one client, and rolls back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await query(client, 'BEGIN');
    const outcome = await work(client);
    await query(client, 'COMMIT');
    return outcome;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot roll back is in no state to serve another caller: the pool drops it.
      broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
