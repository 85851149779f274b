import type { Migration } from './migration.js';
import type { PostgresTables } from './postgres-tables.js';

/**
 * `json`, not `jsonb`: the store keeps JSON as it is given (key order included), and a plan digest is
 * compared with a new one on approval.
 */
export function postgresMigrations(tables: PostgresTables): readonly Migration[] {
  return [
    {
      version: 1,
      statements: [
        `CREATE TABLE ${tables.batches} (
          id text PRIMARY KEY,
          file_id text NOT NULL,
          file_name text NOT NULL,
          channel text NOT NULL,
          thread_ts text NOT NULL,
          summary_ts text,
          submitter text NOT NULL,
          environment text NOT NULL,
          csv text NOT NULL,
          groups text[] NOT NULL,
          plan_digest json NOT NULL,
          state text NOT NULL CHECK (state IN ('pending', 'applying', 'applied', 'partially-applied', 'failed', 'outcome-unknown', 'rejected', 'cancelled', 'expired')),
          created_at timestamptz NOT NULL,
          expires_at timestamptz NOT NULL,
          updated_at timestamptz NOT NULL,
          decided_by text,
          decided_at timestamptz,
          result json NOT NULL
        )`,
        // A file is one batch, however many times Slack tells of it.
        `CREATE UNIQUE INDEX batches_file_id ON ${tables.batches} (file_id)`,
        `CREATE INDEX batches_state_created_at ON ${tables.batches} (state, created_at)`,
        `CREATE TABLE ${tables.transitions} (
          seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          batch_id text NOT NULL REFERENCES ${tables.batches} (id),
          from_state text,
          to_state text NOT NULL,
          actor text NOT NULL,
          at timestamptz NOT NULL,
          detail json NOT NULL
        )`,
        `CREATE INDEX batch_transitions_batch_id ON ${tables.transitions} (batch_id, seq)`,
        `CREATE TABLE ${tables.claims} (key text PRIMARY KEY, claimed_at timestamptz NOT NULL)`,
      ],
    },
  ];
}
