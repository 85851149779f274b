import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { BATCH_COLUMNS, isOneOf, newBatchValues, patchAssignments, readBatch, readTransition, TRANSITION_COLUMNS, type BatchRow, type Codec, type TransitionRow } from './batch-row.js';
import { pendingMigrations } from './migration.js';
import { inTransaction, query } from './postgres-client.js';
import { postgresMigrations } from './postgres-migrations.js';
import type { PostgresTables } from './postgres-tables.js';
import type { Batch, BatchState, Json, NewBatch, Store, Transition, TransitionPatch } from './types.js';

/** pg reads timestamptz as a Date, json as parsed JSON and text[] as strings. */
interface PostgresTypes {
  date: Date;
  json: Json;
  groups: string[];
}

const codec: Codec<PostgresTypes> = {
  readDate: (value) => value,
  writeDate: (value) => value,
  readJson: (value) => value,
  // Given as text, so pg does not turn an array into a PostgreSQL array or a string into a bare word.
  writeJson: (value) => JSON.stringify(value),
  readGroups: (value) => value,
  writeGroups: (value) => value,
};

type Row = BatchRow<PostgresTypes>;

export class PostgresStore implements Store {
  readonly #pool: Pool;
  readonly #tables: PostgresTables;
  readonly #clock: () => Date;
  #closed = false;

  constructor(pool: Pool, tables: PostgresTables, clock: () => Date) {
    this.#pool = pool;
    this.#tables = tables;
    this.#clock = clock;
  }

  async migrate(): Promise<void> {
    const tables = this.#tables;
    await inTransaction(this.#pool, async (client) => {
      // Replicas that start together would race to create the same tables; the lock makes them take turns.
      await query(client, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`numbers-csv-bot migrate ${tables.schema ?? ''}`]);
      if (tables.schema !== undefined) {
        // Checked first, as CREATE SCHEMA IF NOT EXISTS asks for a privilege a bot may not have.
        const found = await query(client, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [tables.schema]);
        if (found.rowCount === 0) await query(client, `CREATE SCHEMA "${tables.schema}"`);
      }
      await query(client, `CREATE TABLE IF NOT EXISTS ${tables.migrations} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`);
      const applied = await query<{ version: number }>(client, `SELECT version FROM ${tables.migrations}`);
      const versions = new Set(applied.rows.map((row) => row.version));
      for (const migration of pendingMigrations(postgresMigrations(tables), versions)) {
        for (const statement of migration.statements) await query(client, statement);
        await query(client, `INSERT INTO ${tables.migrations} (version, applied_at) VALUES ($1, $2)`, [migration.version, this.#clock()]);
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async claim(key: string): Promise<boolean> {
    const inserted = await query(this.#pool, `INSERT INTO ${this.#tables.claims} (key, claimed_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, this.#clock()]);
    return inserted.rowCount === 1;
  }

  async createBatch(batch: NewBatch, actor: string): Promise<{ batch: Batch; created: boolean }> {
    const now = this.#clock();
    const id = randomUUID();
    const placeholders = BATCH_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
    const created = await inTransaction(this.#pool, async (client) => {
      // A concurrent insert of the same file waits here for the first one's commit, then inserts nothing.
      const inserted = await query<Row>(
        client,
        `INSERT INTO ${this.#tables.batches} (${BATCH_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT (file_id) DO NOTHING RETURNING *`,
        newBatchValues(batch, id, now, codec),
      );
      const row = inserted.rows[0];
      if (row === undefined) return undefined;
      await this.#audit(client, id, null, 'pending', actor, now, null);
      return row;
    });
    if (created !== undefined) return { batch: readBatch(created, codec), created: true };
    const existing = await this.getBatchByFile(batch.fileId);
    if (existing === undefined) throw new Error(`The batch of file ${batch.fileId} was neither created nor found.`);
    return { batch: existing, created: false };
  }

  async getBatch(id: string): Promise<Batch | undefined> {
    return this.#selectOne('id', id);
  }

  async getBatchByFile(fileId: string): Promise<Batch | undefined> {
    return this.#selectOne('file_id', fileId);
  }

  async update(id: string, patch: TransitionPatch): Promise<Batch | undefined> {
    const assignments = patchAssignments(patch, codec);
    if (assignments.length === 0) return this.getBatch(id);
    const params: unknown[] = [id, this.#clock()];
    const sets = assignments.map(({ column, value }) => `${column} = $${params.push(value)}`);
    const updated = await query<Row>(this.#pool, `UPDATE ${this.#tables.batches} SET updated_at = $2, ${sets.join(', ')} WHERE id = $1 RETURNING *`, params);
    const row = updated.rows[0];
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async transition(id: string, from: readonly BatchState[], to: BatchState, actor: string, detail: Json = null, patch: TransitionPatch = {}): Promise<Batch | undefined> {
    if (from.length === 0) return undefined;
    const now = this.#clock();
    const row = await inTransaction(this.#pool, async (client) => {
      // The lock makes the state read here the one the update changes, so the audit names the true `from`.
      const current = await query<{ state: string }>(client, `SELECT state FROM ${this.#tables.batches} WHERE id = $1 FOR UPDATE`, [id]);
      const previous = current.rows[0]?.state;
      if (previous === undefined || !isOneOf(previous, from)) return undefined;
      const params: unknown[] = [id, [...from], to, now];
      const sets = patchAssignments(patch, codec).map(({ column, value }) => `, ${column} = $${params.push(value)}`);
      const moved = await query<Row>(
        client,
        `UPDATE ${this.#tables.batches} SET state = $3, updated_at = $4${sets.join('')} WHERE id = $1 AND state = ANY($2::text[]) RETURNING *`,
        params,
      );
      const movedRow = moved.rows[0];
      if (movedRow === undefined) return undefined;
      await this.#audit(client, id, previous, to, actor, now, detail);
      return movedRow;
    });
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async listByState(state: BatchState): Promise<Batch[]> {
    const found = await query<Row>(this.#pool, `SELECT * FROM ${this.#tables.batches} WHERE state = $1 ORDER BY created_at, id`, [state]);
    return found.rows.map((row) => readBatch(row, codec));
  }

  async history(id: string): Promise<Transition[]> {
    const found = await query<TransitionRow<PostgresTypes>>(
      this.#pool,
      `SELECT ${TRANSITION_COLUMNS.join(', ')} FROM ${this.#tables.transitions} WHERE batch_id = $1 ORDER BY seq`,
      [id],
    );
    return found.rows.map((row) => readTransition(row, codec));
  }

  async #selectOne(column: 'id' | 'file_id', value: string): Promise<Batch | undefined> {
    const found = await query<Row>(this.#pool, `SELECT * FROM ${this.#tables.batches} WHERE ${column} = $1`, [value]);
    const row = found.rows[0];
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async #audit(client: PoolClient, batchId: string, from: BatchState | null, to: BatchState, actor: string, at: Date, detail: Json): Promise<void> {
    await query(
      client,
      `INSERT INTO ${this.#tables.transitions} (${TRANSITION_COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6)`,
      [batchId, from, to, actor, at, codec.writeJson(detail)],
    );
  }
}
