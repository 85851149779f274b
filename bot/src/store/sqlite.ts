import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { BATCH_COLUMNS, isOneOf, newBatchValues, patchAssignments, readBatch, readTransition, TRANSITION_COLUMNS, type BatchRow, type Codec, type TransitionRow } from './batch-row.js';
import { pendingMigrations } from './migration.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import type { Batch, BatchState, Json, NewBatch, Store, Transition, TransitionPatch } from './types.js';

/** Dates as milliseconds since the epoch, JSON and groups as JSON text. */
interface SqliteTypes {
  date: number;
  json: string;
  groups: string;
}

const codec: Codec<SqliteTypes> = {
  readDate: (value) => new Date(value),
  writeDate: (value) => value.getTime(),
  readJson: (value) => JSON.parse(value) as Json,
  writeJson: (value) => JSON.stringify(value),
  readGroups: (value) => JSON.parse(value) as string[],
  writeGroups: (value) => JSON.stringify(value),
};

type Row = BatchRow<SqliteTypes>;

/**
 * better-sqlite3 answers synchronously, so within one process a call runs whole; writes run in
 * BEGIN IMMEDIATE transactions so that another process (or connection) on the same file waits its turn
 * (up to the busy timeout) instead of failing midway.
 */
export class SqliteStore implements Store {
  readonly #db: Database;
  readonly #clock: () => Date;
  readonly #statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(db: Database, clock: () => Date) {
    this.#db = db;
    this.#clock = clock;
  }

  async migrate(): Promise<void> {
    this.#db
      .transaction(() => {
        this.#db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
        const versions = new Set(this.#all<{ version: number }>('SELECT version FROM schema_migrations').map((row) => row.version));
        for (const migration of pendingMigrations(SQLITE_MIGRATIONS, versions)) {
          for (const statement of migration.statements) this.#db.exec(statement);
          this.#run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', migration.version, this.#clock().getTime());
        }
      })
      .immediate();
    // Statements prepared before a schema change may describe the old tables.
    this.#statements.clear();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  async claim(key: string): Promise<boolean> {
    return this.#run('INSERT INTO claims (key, claimed_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, this.#clock().getTime()) === 1;
  }

  async createBatch(batch: NewBatch, actor: string): Promise<{ batch: Batch; created: boolean }> {
    const now = this.#clock();
    const id = randomUUID();
    const placeholders = BATCH_COLUMNS.map(() => '?').join(', ');
    const created = this.#db
      .transaction((): Row | undefined => {
        const row = this.#get<Row>(
          `INSERT INTO batches (${BATCH_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT (file_id) DO NOTHING RETURNING *`,
          ...newBatchValues(batch, id, now, codec),
        );
        if (row !== undefined) this.#audit(id, null, 'pending', actor, now, null);
        return row;
      })
      .immediate();
    if (created !== undefined) return { batch: readBatch(created, codec), created: true };
    const existing = await this.getBatchByFile(batch.fileId);
    if (existing === undefined) throw new Error(`The batch of file ${batch.fileId} was neither created nor found.`);
    return { batch: existing, created: false };
  }

  async getBatch(id: string): Promise<Batch | undefined> {
    const row = this.#get<Row>('SELECT * FROM batches WHERE id = ?', id);
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async getBatchByFile(fileId: string): Promise<Batch | undefined> {
    const row = this.#get<Row>('SELECT * FROM batches WHERE file_id = ?', fileId);
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async update(id: string, patch: TransitionPatch): Promise<Batch | undefined> {
    const assignments = patchAssignments(patch, codec);
    if (assignments.length === 0) return this.getBatch(id);
    const sets = assignments.map(({ column }) => `, ${column} = ?`).join('');
    const row = this.#get<Row>(
      `UPDATE batches SET updated_at = ?${sets} WHERE id = ? RETURNING *`,
      this.#clock().getTime(),
      ...assignments.map(({ value }) => value),
      id,
    );
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async transition(id: string, from: readonly BatchState[], to: BatchState, actor: string, detail: Json = null, patch: TransitionPatch = {}): Promise<Batch | undefined> {
    if (from.length === 0) return undefined;
    const now = this.#clock();
    const assignments = patchAssignments(patch, codec);
    const sets = assignments.map(({ column }) => `, ${column} = ?`).join('');
    const row = this.#db
      .transaction((): Row | undefined => {
        // Read inside the write transaction, so the audit names the state the update changed.
        const previous = this.#get<{ state: string }>('SELECT state FROM batches WHERE id = ?', id)?.state;
        if (previous === undefined || !isOneOf(previous, from)) return undefined;
        const moved = this.#get<Row>(
          `UPDATE batches SET state = ?, updated_at = ?${sets} WHERE id = ? AND state IN (${from.map(() => '?').join(', ')}) RETURNING *`,
          to,
          now.getTime(),
          ...assignments.map(({ value }) => value),
          id,
          ...from,
        );
        if (moved !== undefined) this.#audit(id, previous, to, actor, now, detail);
        return moved;
      })
      .immediate();
    return row === undefined ? undefined : readBatch(row, codec);
  }

  async listByState(state: BatchState): Promise<Batch[]> {
    return this.#all<Row>('SELECT * FROM batches WHERE state = ? ORDER BY created_at, id', state).map((row) => readBatch(row, codec));
  }

  async history(id: string): Promise<Transition[]> {
    return this.#all<TransitionRow<SqliteTypes>>(`SELECT ${TRANSITION_COLUMNS.join(', ')} FROM batch_transitions WHERE batch_id = ? ORDER BY seq`, id).map((row) =>
      readTransition(row, codec),
    );
  }

  #audit(batchId: string, from: BatchState | null, to: BatchState, actor: string, at: Date, detail: Json): void {
    this.#run(
      `INSERT INTO batch_transitions (${TRANSITION_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`,
      batchId,
      from,
      to,
      actor,
      codec.writeDate(at),
      codec.writeJson(detail),
    );
  }

  #statement(sql: string): Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<unknown[], unknown>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The caller names the row type its SQL selects; SQLite cannot check it. */
  #get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.#statement(sql).get(...params) as R | undefined;
  }

  #all<R>(sql: string, ...params: unknown[]): R[] {
    return this.#statement(sql).all(...params) as R[];
  }

  /** The number of rows changed. */
  #run(sql: string, ...params: unknown[]): number {
    return this.#statement(sql).run(...params).changes;
  }
}
