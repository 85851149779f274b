import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from './store-module.js';
import { trackedDatabase, type TestEngine } from './test-database.js';

export const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every schema of this run starts with it, so the run can find and drop what it left. */
export const RUN_SCHEMA_PREFIX = `numbers_bot_test_${randomBytes(4).toString('hex')}_`;

let schemas = 0;

/** Each test gets a schema of its own in the shared database; `migrate()` creates it, `dispose()` drops it. */
export const POSTGRES: TestEngine = {
  name: 'PostgreSQL',
  shared: true,
  async create() {
    schemas += 1;
    const schema = `${RUN_SCHEMA_PREFIX}${schemas}`;
    return trackedDatabase(
      (options) => openStore(POSTGRES_URL, { ...options, schema }),
      () => dropSchemas([schema]),
    );
  },
};

export async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchemas(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await withClient(async (client) => {
    for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(name)} CASCADE`);
  });
}

export async function schemasOfThisRun(): Promise<string[]> {
  return withClient(async (client) => {
    const found = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname', [RUN_SCHEMA_PREFIX]);
    return found.rows.map((row) => row.nspname);
  });
}

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * Why PostgreSQL cannot be reached, or undefined when it answers. A server that answers but refuses
 * (a wrong password, no such database) is not "unreachable": that throws, so the tests fail.
 */
export async function unreachable(): Promise<string | undefined> {
  try {
    await withClient((client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if ((code !== undefined && NETWORK_ERRORS.has(code)) || /timeout/i.test(message)) return message;
    throw error;
  }
}

/** The test database's URL without its password, for messages. */
export function shownUrl(): string {
  if (!URL.canParse(POSTGRES_URL)) return '(TEST_DATABASE_URL, not a valid URL)';
  const url = new URL(POSTGRES_URL);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
