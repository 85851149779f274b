import assert from 'node:assert/strict';
import path from 'node:path';
import { newBatch } from './batches.js';
import { ACCEPTED_DATABASE_URLS, openStore, parseDatabaseUrl } from './store-module.js';

/** An error that lists every form a database URL may take. */
function namingTheAcceptedForms(error: unknown): boolean {
  assert.ok(error instanceof Error);
  assert.ok(error.message.includes(ACCEPTED_DATABASE_URLS), error.message);
  for (const form of ['sqlite:./path/file.sqlite', 'sqlite::memory:', 'postgres://', 'postgresql://']) assert.ok(error.message.includes(form), form);
  return true;
}

describe('database URLs', () => {
  it('reads a SQLite file, relative to the working folder or absolute', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:./data/bot.sqlite'), { engine: 'sqlite', filename: path.resolve('data/bot.sqlite') });
    assert.deepEqual(parseDatabaseUrl('sqlite:/var/lib/numbers-bot/state.sqlite'), { engine: 'sqlite', filename: '/var/lib/numbers-bot/state.sqlite' });
    assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/numbers-bot/state.sqlite'), { engine: 'sqlite', filename: '/var/lib/numbers-bot/state.sqlite' });
  });

  it('reads SQLite in memory', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite::memory:'), { engine: 'sqlite', filename: ':memory:' });
  });

  it('reads PostgreSQL URLs of either scheme as they are', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://bot:s3cret@db.internal:5432/numbers'), { engine: 'postgres', connectionString: 'postgres://bot:s3cret@db.internal:5432/numbers' });
    assert.deepEqual(parseDatabaseUrl(' postgresql://bot@db.internal/numbers?sslmode=require '), { engine: 'postgres', connectionString: 'postgresql://bot@db.internal/numbers?sslmode=require' });
  });

  for (const [what, url] of [
    ['an empty URL', ''],
    ['another database', 'mysql://bot:s3cret@db.internal/numbers'],
    ['a path without a scheme', './data/bot.sqlite'],
    ['sqlite: without a file', 'sqlite:'],
    ['a PostgreSQL URL that is no URL', 'postgres://bot:s3cret@[db.internal/numbers'],
  ] as const) {
    it(`refuses ${what}, naming the forms it takes and no password`, () => {
      assert.throws(() => parseDatabaseUrl(url), (error: unknown) => {
        assert.ok(error instanceof Error && !error.message.includes('s3cret'), 'the message repeats the password');
        return namingTheAcceptedForms(error);
      });
    });
  }
});

describe('openStore', () => {
  it('refuses a URL it cannot use, saying what it accepts', async () => {
    await assert.rejects(() => openStore('mongodb://db.internal/numbers'), namingTheAcceptedForms);
  });

  it('refuses PostgreSQL options for SQLite', async () => {
    await assert.rejects(() => openStore('sqlite::memory:', { schema: 'numbers_bot' }), /schema option is for PostgreSQL/);
    await assert.rejects(() => openStore('sqlite::memory:', { maxConnections: 4 }), /maxConnections option is for PostgreSQL/);
  });

  it('refuses a PostgreSQL schema that is no plain name, and a pool of no connections', async () => {
    await assert.rejects(() => openStore('postgres://bot@127.0.0.1/numbers', { schema: 'bot"; DROP TABLE batches; --' }), /is not a plain name/);
    await assert.rejects(() => openStore('postgres://bot@127.0.0.1/numbers', { maxConnections: 0 }), /maxConnections must be a whole number of at least 1/);
  });

  it('gives every sqlite::memory: store a database of its own', async () => {
    const first = await openStore('sqlite::memory:');
    const second = await openStore('sqlite::memory:');
    try {
      await Promise.all([first.migrate(), second.migrate()]);
      await first.createBatch(newBatch(), 'U0SUBMITTER');

      assert.equal((await first.listByState('pending')).length, 1);
      assert.equal(await second.getBatchByFile('F0MOVES'), undefined);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
