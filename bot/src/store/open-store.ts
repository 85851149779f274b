import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Pool } from 'pg';
import { parseDatabaseUrl } from './database-url.js';
import { PostgresStore } from './postgres.js';
import { postgresTables } from './postgres-tables.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /**
   * PostgreSQL only: the schema that holds the bot's tables, created by `migrate()` if missing.
   * Without it the tables go where the connection's search_path says (usually `public`).
   */
  schema?: string;
  /** PostgreSQL only: the most connections this replica opens. Default 10. */
  maxConnections?: number;
  /** Gives createdAt, updatedAt and the audit times. Default: the system clock. */
  clock?: () => Date;
}

/** How long SQLite waits for another connection's write before it fails. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the store a database URL names: `sqlite:./path/file.sqlite`, `sqlite::memory:`, or
 * `postgres://…` / `postgresql://…`. Call `migrate()` before anything else.
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  const clock = options.clock ?? (() => new Date());

  if (target.engine === 'sqlite') {
    if (options.schema !== undefined) throw new Error('The schema option is for PostgreSQL: a SQLite store has its own file (or memory).');
    if (options.maxConnections !== undefined) throw new Error('The maxConnections option is for PostgreSQL: a SQLite store has one connection.');
    if (target.filename !== ':memory:') fs.mkdirSync(path.dirname(target.filename), { recursive: true });
    const db = new BetterSqlite3(target.filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      // WAL lets readers go on while one replica writes; the default (full) sync keeps a committed transition on disk.
      if (target.filename !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db, clock);
  }

  const maxConnections = options.maxConnections ?? 10;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error(`maxConnections must be a whole number of at least 1, not ${maxConnections}.`);
  const tables = postgresTables(options.schema);
  const pool = new Pool({
    connectionString: target.connectionString,
    max: maxConnections,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    application_name: 'numbers-csv-bot',
  });
  // An idle connection that dies (a server restart) is dropped by the pool and the next query opens
  // another; without a listener, the error would end the process.
  pool.on('error', (error) => {
    console.warn(`numbers-csv-bot store: an idle PostgreSQL connection failed: ${error.message}`);
  });
  return new PostgresStore(pool, tables, clock);
}
