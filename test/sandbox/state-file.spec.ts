import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@numbers-csv/sandbox';
import { SEED, apply, exportRows, liveRow, numberRow } from './harness.js';

const CREATE = 'NUMBER,OPERATION,GROUP_ID,PROVIDER,NOTE\n+14155550190,Create,ocp,twilio,kept\n';

describe('sandbox state file', () => {
  let dir: string;
  let stateFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    stateFile = join(dir, 'state.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps changes across a restart, and then ignores the seed', async () => {
    const first = await startSandbox({ seed: SEED, stateFile });
    await apply(first, CREATE);
    await apply(first, 'NUMBER,OPERATION\n+14155550101,Delete\n');
    const before = first.numbers();
    await first.close();

    const second = await startSandbox({ seed: SEED, stateFile });
    try {
      assert.deepEqual(second.numbers(), before);
      assert.equal(liveRow(second, '+14155550190').NOTE, 'kept');
      assert.equal(numberRow(second, '+14155550101'), undefined);
      assert.deepEqual(await exportRows(second), before);
    } finally {
      await second.close();
    }
  });

  it('keeps the groups, sets and mini apps too, even those no number uses any more', async () => {
    const first = await startSandbox({ seed: SEED, stateFile });
    await apply(first, 'NUMBER,OPERATION\n+442079460958,Delete\n');
    await first.close();
    const second = await startSandbox({ stateFile, empty: true });
    try {
      const answer = await apply(second, 'NUMBER,OPERATION,GROUP_ID,PROVIDER,PHONE_NUMBER_SET_ID,MINIAPP_ID\n+442079460958,Create,ocp-uk,twilio,ukSet,support.Numeric.MiniApps.ocp-uk\n');
      assert.equal(answer.results[0]?.status, 'OK', answer.results[0]?.message);
    } finally {
      await second.close();
    }
  });

  it('writes the state at start, and after each change replaces the file whole through a rename', async () => {
    const sandbox = await startSandbox({ seed: SEED, stateFile });
    try {
      const initial = JSON.parse(readFileSync(stateFile, 'utf8')) as { numbers: unknown[] };
      assert.equal(initial.numbers.length, 5);
      const inodeAtStart = statSync(stateFile).ino;
      await apply(sandbox, CREATE);
      // A rename puts a new file in place; writing in place would keep the inode.
      assert.notEqual(statSync(stateFile).ino, inodeAtStart);
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { numbers: { NUMBER: string }[] };
      assert.equal(saved.numbers.at(-1)?.NUMBER, '+14155550190');
      assert.deepEqual(readdirSync(dir), ['state.json'], 'no temporary file is left behind');
    } finally {
      await sandbox.close();
    }
  });

  it('is whole JSON whenever it is read, while applies run', async () => {
    const sandbox = await startSandbox({ seed: SEED, stateFile });
    try {
      let reads = 0;
      let running = true;
      const reader = (async () => {
        while (running) {
          JSON.parse(readFileSync(stateFile, 'utf8'));
          reads++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      for (let i = 0; i < 20; i++) {
        await apply(sandbox, `NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE\n+14155550102,Update,,,,,note ${i}\n`);
      }
      running = false;
      await reader;
      assert.ok(reads > 0);
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { numbers: { NUMBER: string; NOTE: string }[] };
      assert.equal(saved.numbers.find((row) => row.NUMBER === '+14155550102')?.NOTE, 'note 19');
    } finally {
      await sandbox.close();
    }
  });

  it('is not rewritten by a file whose rows all failed', async () => {
    const sandbox = await startSandbox({ seed: SEED, stateFile });
    try {
      const inode = statSync(stateFile).ino;
      await apply(sandbox, 'NUMBER,OPERATION\n+14155550199,Delete\n');
      assert.equal(statSync(stateFile).ino, inode);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to start from a state file that is not a sandbox state, naming it', async () => {
    writeFileSync(stateFile, '{"numbers": 3}');
    await assert.rejects(startSandbox({ stateFile }), (error: Error) => error.message.includes(stateFile) && /not a sandbox state/.test(error.message));
    writeFileSync(stateFile, 'not json');
    await assert.rejects(startSandbox({ stateFile }), /is not JSON/);
  });
});
