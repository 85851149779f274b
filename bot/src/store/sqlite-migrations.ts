import type { Migration } from './migration.js';

/** Dates are milliseconds since the epoch (UTC, exact to the millisecond); JSON and groups are JSON text. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        file_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        channel TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        summary_ts TEXT,
        submitter TEXT NOT NULL,
        environment TEXT NOT NULL,
        csv TEXT NOT NULL,
        groups TEXT NOT NULL,
        plan_digest TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'applying', 'applied', 'partially-applied', 'failed', 'outcome-unknown', 'rejected', 'cancelled', 'expired')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        decided_by TEXT,
        decided_at INTEGER,
        result TEXT NOT NULL
      ) STRICT`,
      // A file is one batch, however many times Slack tells of it.
      'CREATE UNIQUE INDEX batches_file_id ON batches (file_id)',
      'CREATE INDEX batches_state_created_at ON batches (state, created_at)',
      `CREATE TABLE batch_transitions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id TEXT NOT NULL REFERENCES batches (id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        detail TEXT NOT NULL
      ) STRICT`,
      'CREATE INDEX batch_transitions_batch_id ON batch_transitions (batch_id, seq)',
      'CREATE TABLE claims (key TEXT PRIMARY KEY, claimed_at INTEGER NOT NULL) STRICT',
    ],
  },
];
