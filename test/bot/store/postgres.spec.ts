import assert from 'node:assert/strict';
import { newBatch, START, TestClock } from './batches.js';
import { storeContract } from './contract.js';
import { dropSchemas, POSTGRES, RUN_SCHEMA_PREFIX, schemasOfThisRun, shownUrl, unreachable, withClient } from './postgres-engine.js';
import type { Store } from './store-module.js';
import type { TestDatabase } from './test-database.js';

describe('PostgreSQL', function () {
  let reachable = false;
  before(async function () {
    const problem = await unreachable();
    reachable = problem === undefined;
    if (reachable) return;
    if (process.env['CI'] !== undefined) {
      throw new Error(`PostgreSQL is unreachable at ${shownUrl()} (${problem}); CI runs the PostgreSQL store tests, so start it or set TEST_DATABASE_URL.`);
    }
    console.warn(`    Skipping the PostgreSQL store tests: PostgreSQL is unreachable at ${shownUrl()} (${problem}). Set TEST_DATABASE_URL to run them.`);
    this.skip();
  });

  // A test that failed before its own cleanup must not leave schemas behind.
  after(async () => {
    if (reachable) await dropSchemas(await schemasOfThisRun());
  });

  storeContract(POSTGRES);

  describe('PostgreSQL store', () => {
    let database: TestDatabase;
    let store: Store;
    beforeEach(async () => {
      database = await POSTGRES.create();
      store = await database.open({ clock: new TestClock(START).read });
      await store.migrate();
    });
    afterEach(() => database.dispose());

    it('keeps its tables in the schema it was given, and the test drops that schema', async () => {
      const [schema] = await schemasOfThisRun();
      assert.ok(schema?.startsWith(RUN_SCHEMA_PREFIX));
      const tables = await withClient(async (client) =>
        (await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema])).rows.map((row) => row.table_name),
      );
      assert.deepEqual(tables, ['batch_transitions', 'batches', 'claims', 'schema_migrations']);

      await database.dispose();

      assert.deepEqual(await schemasOfThisRun(), []);
    });

    it('stores times as timestamptz, which PostgreSQL keeps in UTC', async () => {
      const { batch } = await store.createBatch(newBatch(), 'U0SUBMITTER');
      const [schema] = await schemasOfThisRun();

      const stored = await withClient(async (client) => {
        await client.query(`SET TIME ZONE 'Pacific/Chatham'`);
        const found = await client.query<{ created_at: string; type: string }>(
          `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, pg_typeof(created_at)::text AS type
           FROM ${client.escapeIdentifier(schema ?? '')}.batches WHERE id = $1`,
          [batch.id],
        );
        return found.rows[0];
      });
      assert.deepEqual(stored, { created_at: START.toISOString(), type: 'timestamp with time zone' });
    });

    it('records its schema version once, however often it migrates', async () => {
      await Promise.all([store.migrate(), store.migrate()]);
      const [schema] = await schemasOfThisRun();

      const versions = await withClient(async (client) =>
        (await client.query<{ version: number }>(`SELECT version FROM ${client.escapeIdentifier(schema ?? '')}.schema_migrations`)).rows.map((row) => row.version),
      );
      assert.deepEqual(versions, [1]);
    });
  });
});
