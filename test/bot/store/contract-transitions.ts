import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { found, newBatch, START } from './batches.js';
import type { ContractFixture } from './contract.js';
import { BATCH_STATES, type Batch, type BatchState } from './store-module.js';

export function transitions(fixture: ContractFixture): void {
  describe('transition', () => {
    it('moves a batch pending → applying → applied and audits each step in order', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      const approvedAt = fixture.clock.advance(30_000);
      const applying = found(await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER', { planUnchanged: true }));
      const doneAt = fixture.clock.advance(4_250);
      const applied = found(await fixture.store.transition(batch.id, ['applying'], 'applied', 'bot', { rows: 1 }));

      assert.equal(applying.state, 'applying');
      assert.deepEqual(applying.updatedAt, approvedAt);
      assert.equal(applied.state, 'applied');
      assert.deepEqual(await fixture.store.getBatch(batch.id), applied);
      assert.deepEqual(await fixture.store.history(batch.id), [
        { batchId: batch.id, from: null, to: 'pending', actor: 'U0SUBMITTER', at: START, detail: null },
        { batchId: batch.id, from: 'pending', to: 'applying', actor: 'U0OWNER', at: approvedAt, detail: { planUnchanged: true } },
        { batchId: batch.id, from: 'applying', to: 'applied', actor: 'bot', at: doneAt, detail: { rows: 1 } },
      ]);
    });

    it('answers undefined from a wrong state and changes nothing, patch included', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      const rejected = found(await fixture.store.transition(batch.id, ['pending'], 'rejected', 'U0OWNER', null, { decidedBy: 'U0OWNER', decidedAt: START }));
      fixture.clock.advance(5_000);

      const late = await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OTHER', { click: 2 }, { decidedBy: 'U0OTHER', result: { late: true }, summaryTs: '1.2' });

      assert.equal(late, undefined);
      assert.deepEqual(await fixture.store.getBatch(batch.id), rejected);
      assert.deepEqual((await fixture.store.history(batch.id)).map((record) => record.to), ['pending', 'rejected']);
    });

    it('answers undefined for an unknown batch, or when no state is allowed', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');

      assert.equal(await fixture.store.transition(randomUUID(), ['pending'], 'applying', 'U0OWNER'), undefined);
      assert.equal(await fixture.store.transition(batch.id, [], 'applying', 'U0OWNER'), undefined);
      assert.deepEqual(await fixture.store.getBatch(batch.id), batch);
    });

    it('audits the state it actually left when several are allowed', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER');

      const ended = await fixture.store.transition(batch.id, ['pending', 'applying'], 'outcome-unknown', 'bot', { reason: 'connection lost' });

      assert.equal(ended?.state, 'outcome-unknown');
      const last = found((await fixture.store.history(batch.id)).at(-1), 'audit record');
      assert.equal(last.from, 'applying');
      assert.equal(last.to, 'outcome-unknown');
    });

    it('sets the patch with the state and leaves the fields it does not name', async () => {
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
      await fixture.store.update(batch.id, { summaryTs: '1893553446.000200' });
      const decidedAt = fixture.clock.advance(12_345);

      const applying = await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER', null, {
        decidedBy: 'U0OWNER',
        decidedAt,
        planDigest: { rows: 1, replanned: true },
        groups: ['sales'],
      });
      const resultAt = fixture.clock.advance(2_000);
      const applied = await fixture.store.transition(batch.id, ['applying'], 'applied', 'bot', null, { result: { applied: 1, failed: 0 } });

      const expectedApplying: Batch = {
        ...batch,
        state: 'applying',
        summaryTs: '1893553446.000200',
        decidedBy: 'U0OWNER',
        decidedAt,
        planDigest: { rows: 1, replanned: true },
        groups: ['sales'],
        updatedAt: decidedAt,
      };
      assert.deepEqual(applying, expectedApplying);
      assert.deepEqual(applied, { ...expectedApplying, state: 'applied', result: { applied: 1, failed: 0 }, updatedAt: resultAt });
      assert.deepEqual(await fixture.store.getBatch(batch.id), applied);
    });

    it('can store every state a batch may be in', async () => {
      const reached: BatchState[] = [];
      for (const state of BATCH_STATES.filter((candidate) => candidate !== 'pending')) {
        const { batch } = await fixture.store.createBatch(newBatch({ fileId: `F0${state}` }), 'U0SUBMITTER');
        await fixture.store.transition(batch.id, ['pending'], state, 'bot');
        const stored = found(await fixture.store.getBatch(batch.id));
        reached.push(stored.state);
        assert.deepEqual((await fixture.store.listByState(state)).map((listed) => listed.id), [batch.id]);
      }
      assert.deepEqual(reached, BATCH_STATES.filter((state) => state !== 'pending'));
    });

    it('refuses a state the contract does not know, with no value of the row in the error', async () => {
      const secret = '+41445559999';
      const { batch } = await fixture.store.createBatch(newBatch({ csv: `NUMBER,OPERATION\r\n${secret},DELETE\r\n` }), 'U0SUBMITTER');
      // A caller outside TypeScript's reach (or a bug) could pass any string.
      const unknownState = 'archived' as BatchState;

      await assert.rejects(
        () => fixture.store.transition(batch.id, ['pending'], unknownState, 'bot'),
        (error: unknown) => {
          assert.ok(error instanceof Error);
          assert.doesNotMatch(`${error.message} ${JSON.stringify(error)} ${String(error.cause)}`, new RegExp(`\\${secret}`));
          return true;
        },
      );
      assert.deepEqual(await fixture.store.getBatch(batch.id), batch);
      assert.equal((await fixture.store.history(batch.id)).length, 1);
    });
  });
}
