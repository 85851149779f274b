import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from './store-module.js';
import { trackedDatabase, type TestEngine } from './test-database.js';

/** A new file per test, in a folder that does not exist yet: the store makes it. */
export const SQLITE_FILE: TestEngine = {
  name: 'SQLite (a file)',
  shared: true,
  async create() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-bot-store-'));
    const url = `sqlite:${path.join(folder, 'state', 'bot.sqlite')}`;
    return trackedDatabase(
      (options) => openStore(url, options),
      async () => fs.rmSync(folder, { recursive: true, force: true }),
    );
  },
};

export const SQLITE_MEMORY: TestEngine = {
  name: 'SQLite (in memory)',
  shared: false,
  async create() {
    return trackedDatabase(
      (options) => openStore('sqlite::memory:', options),
      async () => undefined,
    );
  },
};
