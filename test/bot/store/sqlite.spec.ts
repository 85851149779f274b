import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { newBatch, START, TestClock } from './batches.js';
import { storeContract } from './contract.js';
import { SQLITE_FILE, SQLITE_MEMORY } from './sqlite-engines.js';
import { openStore, type Store } from './store-module.js';

storeContract(SQLITE_FILE);
storeContract(SQLITE_MEMORY);

describe('SQLite store', () => {
  let folder: string;
  let store: Store | undefined;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-bot-sqlite-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('creates the folders of its file and writes ahead (WAL)', async () => {
    const file = path.join(folder, 'var', 'lib', 'numbers-bot', 'state.sqlite');
    store = await openStore(`sqlite:${file}`);
    await store.migrate();

    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      raw.close();
    }
  });

  it('stores times as UTC milliseconds since the epoch', async () => {
    const file = path.join(folder, 'state.sqlite');
    store = await openStore(`sqlite:${file}`, { clock: new TestClock(START).read });
    await store.migrate();
    const expiresAt = new Date('2030-01-03T03:04:05.678Z');
    await store.createBatch(newBatch({ expiresAt }), 'U0SUBMITTER');

    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const row = raw.prepare<[], { created_at: number; expires_at: number }>('SELECT created_at, expires_at FROM batches').get();
      assert.deepEqual(row, { created_at: START.getTime(), expires_at: expiresAt.getTime() });
    } finally {
      raw.close();
    }
  });

  it("waits for another connection's write to end instead of failing", async () => {
    const file = path.join(folder, 'state.sqlite');
    store = await openStore(`sqlite:${file}`);
    await store.migrate();
    const { batch } = await store.createBatch(newBatch(), 'U0SUBMITTER');
    const holdMs = 400;
    const writer = holdWriteLock(file, holdMs);
    await writer.locked;

    const started = performance.now();
    const applying = await store.transition(batch.id, ['pending'], 'applying', 'U0OWNER');
    const waitedMs = performance.now() - started;
    await writer.done;

    assert.equal(applying?.state, 'applying');
    assert.ok(waitedMs >= holdMs / 2, `the transition waited ${Math.round(waitedMs)} ms for a lock held ${holdMs} ms`);
  });
});

/** Another connection, on another thread, that holds the write lock of `file` for `holdMs`. */
function holdWriteLock(file: string, holdMs: number): { locked: Promise<void>; done: Promise<void> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.driver);
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); }, workerData.holdMs);`,
    { eval: true, workerData: { file, holdMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') } },
  );
  const locked = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`))));
  });
  return { locked, done };
}
