import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { found, newBatch, START } from './batches.js';
import type { ContractFixture } from './contract.js';
import type { Batch, Json, NewBatch } from './store-module.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The batch a store should make of `input` at `at`, whatever id it chose. */
function pendingBatch(id: string, input: NewBatch, at: Date): Batch {
  return { id, ...input, summaryTs: null, state: 'pending', createdAt: at, updatedAt: at, decidedBy: null, decidedAt: null, result: null };
}

export function creatingAndReading(fixture: ContractFixture): void {
  describe('creating and reading batches', () => {
    it('creates a pending batch with a new UUID, which getBatch and getBatchByFile return as given', async () => {
      const input = newBatch();
      const { batch, created } = await fixture.store.createBatch(input, 'U0SUBMITTER');

      assert.equal(created, true);
      assert.match(batch.id, UUID);
      assert.deepEqual(batch, pendingBatch(batch.id, input, START));
      assert.deepEqual(await fixture.store.getBatch(batch.id), batch);
      assert.deepEqual(await fixture.store.getBatchByFile('F0MOVES'), batch);
    });

    it('records the creation as the first audit record, from nothing to pending', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');

      assert.deepEqual(await fixture.store.history(batch.id), [{ batchId: batch.id, from: null, to: 'pending', actor: 'U0SUBMITTER', at: START, detail: null }]);
    });

    it('answers a second create of the same file with the existing batch, unchanged and audited once', async () => {
      const first = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      fixture.clock.advance(60_000);

      const second = await fixture.store.createBatch(newBatch({ fileName: 'renamed.csv', csv: 'NUMBER\r\n', groups: ['other'] }), 'U0SOMEONE');

      assert.deepEqual(second, { batch: first.batch, created: false });
      assert.deepEqual(await fixture.store.getBatchByFile('F0MOVES'), first.batch);
      assert.equal((await fixture.store.history(first.batch.id)).length, 1);
    });

    it('gives each file its own batch', async () => {
      const moves = await fixture.store.createBatch(newBatch({ fileId: 'F0MOVES' }), 'U0SUBMITTER');
      const deletions = await fixture.store.createBatch(newBatch({ fileId: 'F0DELETIONS' }), 'U0SUBMITTER');

      assert.equal(deletions.created, true);
      assert.notEqual(deletions.batch.id, moves.batch.id);
      assert.equal((await fixture.store.getBatchByFile('F0DELETIONS'))?.id, deletions.batch.id);
    });

    it('finds nothing for an unknown batch or file, even for an id that is no UUID', async () => {
      await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');

      assert.equal(await fixture.store.getBatch(randomUUID()), undefined);
      assert.equal(await fixture.store.getBatch('approve:not-a-batch'), undefined);
      assert.equal(await fixture.store.getBatchByFile('F0UNKNOWN'), undefined);
      assert.deepEqual(await fixture.store.history(randomUUID()), []);
    });
  });

  describe('claims', () => {
    it('grants a key the first time only', async () => {
      assert.equal(await fixture.store.claim('event:Ev0001'), true);
      assert.equal(await fixture.store.claim('event:Ev0001'), false);
      assert.equal(await fixture.store.claim('event:Ev0001'), false);
    });

    it('grants each key on its own', async () => {
      assert.equal(await fixture.store.claim('event:Ev0001'), true);
      assert.equal(await fixture.store.claim('event:Ev0002'), true);
      assert.equal(await fixture.store.claim('file:F0MOVES'), true);
    });
  });

  describe('update', () => {
    it('sets the summary ts and a new plan digest without a transition', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      const later = fixture.clock.advance(1_500);

      const updated = await fixture.store.update(batch.id, { summaryTs: '1893553446.000200', planDigest: { rows: 2 } });

      const expected: Batch = { ...batch, summaryTs: '1893553446.000200', planDigest: { rows: 2 }, updatedAt: later };
      assert.deepEqual(updated, expected);
      assert.deepEqual(await fixture.store.getBatch(batch.id), expected);
      assert.equal((await fixture.store.history(batch.id)).length, 1);
    });

    it('leaves the batch as it was for an empty patch', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      fixture.clock.advance(1_000);

      assert.deepEqual(await fixture.store.update(batch.id, {}), batch);
      assert.deepEqual(await fixture.store.getBatch(batch.id), batch);
    });

    it('answers undefined for an unknown batch', async () => {
      assert.equal(await fixture.store.update(randomUUID(), { summaryTs: '1893553446.000200' }), undefined);
    });
  });

  describe('listByState', () => {
    it('lists the batches in a state, oldest first, whatever order they were created in', async () => {
      fixture.clock.set(new Date(START.getTime() + 2_000));
      const late = await fixture.store.createBatch(newBatch({ fileId: 'F0LATE' }), 'U0SUBMITTER');
      fixture.clock.set(START);
      const early = await fixture.store.createBatch(newBatch({ fileId: 'F0EARLY' }), 'U0SUBMITTER');
      fixture.clock.set(new Date(START.getTime() + 1_000));
      const middle = await fixture.store.createBatch(newBatch({ fileId: 'F0MIDDLE' }), 'U0SUBMITTER');
      const rejected = await fixture.store.createBatch(newBatch({ fileId: 'F0REJECTED' }), 'U0SUBMITTER');
      await fixture.store.transition(rejected.batch.id, ['pending'], 'rejected', 'U0OWNER');

      const pending = await fixture.store.listByState('pending');

      assert.deepEqual(pending.map((batch) => batch.fileId), ['F0EARLY', 'F0MIDDLE', 'F0LATE']);
      assert.deepEqual(pending, [early.batch, middle.batch, late.batch]);
      assert.deepEqual((await fixture.store.listByState('rejected')).map((batch) => batch.id), [rejected.batch.id]);
      assert.deepEqual(await fixture.store.listByState('applying'), []);
    });
  });

  describe('what comes back is what went in', () => {
    it('keeps dates to the millisecond', async () => {
      fixture.clock.set(new Date('2030-06-30T23:59:59.001Z'));
      const expiresAt = new Date('2031-12-31T23:59:59.999Z');
      const { batch } = await fixture.store.createBatch(newBatch({ expiresAt }), 'U0SUBMITTER');
      const decidedAt = new Date('2030-07-01T00:00:00.007Z');
      fixture.clock.advance(3);
      await fixture.store.transition(batch.id, ['pending'], 'rejected', 'U0OWNER', null, { decidedBy: 'U0OWNER', decidedAt });

      const stored = found(await fixture.store.getBatch(batch.id));

      assert.equal(stored.createdAt.toISOString(), '2030-06-30T23:59:59.001Z');
      assert.equal(stored.expiresAt.toISOString(), '2031-12-31T23:59:59.999Z');
      assert.equal(stored.updatedAt.toISOString(), '2030-06-30T23:59:59.004Z');
      assert.equal(stored.decidedAt?.toISOString(), '2030-07-01T00:00:00.007Z');
      assert.deepEqual((await fixture.store.history(batch.id)).map((record) => record.at.toISOString()), ['2030-06-30T23:59:59.001Z', '2030-06-30T23:59:59.004Z']);
    });

    it('keeps JSON as it is given, key order included', async () => {
      const planDigest: Json = {
        zeta: 'last key first',
        rows: 3,
        ratio: 0.125,
        big: 9007199254740991,
        negative: -42,
        nothing: null,
        flags: [true, false],
        nested: { 'clé ünïcode': '☎ +41 44 555 01 01', empty: {}, list: [[], [1, '2', null]] },
        quote: 'He said "no"\n\tand left\\',
      };
      const result: Json = [{ row: 2, status: 'failed', error: 'NUMBER_NOT_FOUND' }, { row: 3, status: 'applied' }];
      const detail: Json = { reason: 'approved in thread', clicks: 2 };
      const { batch } = await fixture.store.createBatch(newBatch({ planDigest }), 'U0SUBMITTER');
      await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER', detail);
      await fixture.store.transition(batch.id, ['applying'], 'partially-applied', 'bot', null, { result });

      const stored = found(await fixture.store.getBatch(batch.id));
      const detailOfApproval = found((await fixture.store.history(batch.id))[1], 'audit record').detail;

      assert.deepEqual(stored.planDigest, planDigest);
      assert.equal(JSON.stringify(stored.planDigest), JSON.stringify(planDigest));
      assert.deepEqual(stored.result, result);
      assert.deepEqual(detailOfApproval, detail);
      assert.equal(JSON.stringify(detailOfApproval), JSON.stringify(detail));
    });

    it('keeps JSON scalars and null apart', async () => {
      const text = await fixture.store.createBatch(newBatch({ fileId: 'F0TEXT', planDigest: 'digest:9f86d081' }), 'U0SUBMITTER');
      const number = await fixture.store.createBatch(newBatch({ fileId: 'F0NUMBER', planDigest: 0 }), 'U0SUBMITTER');
      const nothing = await fixture.store.createBatch(newBatch({ fileId: 'F0NULL', planDigest: null }), 'U0SUBMITTER');
      await fixture.store.transition(text.batch.id, ['pending'], 'rejected', 'U0OWNER', 'not this week', { result: false });

      assert.equal((await fixture.store.getBatch(text.batch.id))?.planDigest, 'digest:9f86d081');
      assert.equal((await fixture.store.getBatch(text.batch.id))?.result, false);
      assert.equal((await fixture.store.getBatch(number.batch.id))?.planDigest, 0);
      assert.equal((await fixture.store.getBatch(nothing.batch.id))?.planDigest, null);
      assert.equal((await fixture.store.history(text.batch.id))[1]?.detail, 'not this week');
    });

    it('keeps groups and texts exactly, quotes, commas, braces, byte order mark and line breaks included', async () => {
      const input = newBatch({
        groups: [],
        fileName: "Zürich 'moves' (v2).numbers.csv",
        csv: '\uFEFFNUMBER;OPERATION\r\n"+41 44 555 01 01";UPDATE\n\n',
      });
      const { batch } = await fixture.store.createBatch(input, 'U0SUBMITTER');
      const groups = ['a"quoted"group', 'x,y', '{braces}', 'Zürich', 'NULL'];
      await fixture.store.update(batch.id, { groups });

      const stored = found(await fixture.store.getBatch(batch.id));

      assert.equal(stored.csv, input.csv);
      assert.equal(stored.fileName, input.fileName);
      assert.deepEqual(stored.groups, groups);
      assert.deepEqual((await fixture.store.getBatchByFile(input.fileId))?.groups, groups);
    });
  });

  describe('migrate', () => {
    it('runs again harmlessly, keeping what is stored', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      await fixture.store.claim('event:Ev0001');

      await fixture.store.migrate();
      await fixture.store.migrate();

      assert.deepEqual(await fixture.store.getBatch(batch.id), batch);
      assert.equal(await fixture.store.claim('event:Ev0001'), false);
      assert.equal((await fixture.store.history(batch.id)).length, 1);
    });
  });
}
