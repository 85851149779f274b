import assert from 'node:assert/strict';
import { found, newBatch, START, TestClock } from './batches.js';
import type { ContractFixture } from './contract.js';
import type { Store } from './store-module.js';

const CALLERS = 20;

/** `CALLERS` calls spread over two replicas, all started before any ends. */
function fromBoth<T>(replicas: readonly [Store, Store], call: (store: Store, caller: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: CALLERS }, (_, caller) => call(replicas[caller % 2 === 0 ? 0 : 1], caller)));
}

export function replicasAndConcurrency(fixture: ContractFixture): void {
  describe('several callers and replicas', () => {
    it(`lets exactly one of ${CALLERS} concurrent approvals move the batch pending → applying, audited once`, async () => {
      const replicas = [fixture.store, await fixture.replica()] as const;
      const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');

      const answers = await fromBoth(replicas, (store, caller) => store.transition(batch.id, ['pending'], 'applying', `U0OWNER${caller}`, { caller }));

      const winners = answers.filter((answer) => answer !== undefined);
      assert.equal(winners.length, 1);
      assert.equal(found(winners[0]).state, 'applying');
      const winner = answers.findIndex((answer) => answer !== undefined);
      const toApplying = (await fixture.store.history(batch.id)).filter((record) => record.to === 'applying');
      assert.deepEqual(
        toApplying.map((record) => ({ from: record.from, actor: record.actor, detail: record.detail })),
        [{ from: 'pending', actor: `U0OWNER${winner}`, detail: { caller: winner } }],
      );
      assert.equal((await replicas[1].getBatch(batch.id))?.state, 'applying');
    });

    it(`creates one batch for ${CALLERS} concurrent creates of one file, and gives every caller that batch`, async () => {
      const replicas = [fixture.store, await fixture.replica()] as const;

      const answers = await fromBoth(replicas, (store, caller) => store.createBatch(newBatch({ fileName: `copy-${caller}.csv` }), `U0SUBMITTER${caller}`));

      assert.equal(answers.filter((answer) => answer.created).length, 1);
      const ids = new Set(answers.map((answer) => answer.batch.id));
      assert.equal(ids.size, 1);
      const [id] = ids;
      assert.equal((await fixture.store.getBatchByFile('F0MOVES'))?.id, id);
      assert.equal((await fixture.store.history(found(id))).length, 1);
      assert.equal((await fixture.store.listByState('pending')).length, 1);
    });

    it(`grants a key to exactly one of ${CALLERS} concurrent claims`, async () => {
      const replicas = [fixture.store, await fixture.replica()] as const;

      const answers = await fromBoth(replicas, (store) => store.claim('event:Ev0001'));

      assert.equal(answers.filter(Boolean).length, 1);
    });

    it('lets replicas migrate at the same time on a new database', async () => {
      const database = await fixture.engine.create();
      try {
        const first = await database.open();
        const second = fixture.engine.shared ? await database.open() : first;

        await Promise.all([first.migrate(), second.migrate(), first.migrate()]);

        const { batch } = await first.createBatch(newBatch(), 'U0SUBMITTER');
        assert.deepEqual(await second.getBatch(batch.id), batch);
      } finally {
        await database.dispose();
      }
    });

    if (fixture.engine.shared) {
      it('shows one replica what another stored, and refuses it a transition the other made', async () => {
        const other = await fixture.replica();
        const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
        await fixture.store.claim('event:Ev0001');
        await other.transition(batch.id, ['pending'], 'applying', 'U0OWNER');

        assert.equal(await other.claim('event:Ev0001'), false);
        assert.equal(await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER'), undefined);
        assert.equal((await fixture.store.getBatch(batch.id))?.state, 'applying');
      });

      it('keeps batches, history and claims across a restart', async () => {
        const { batch } = await fixture.store.createBatch(newBatch(), 'U0SUBMITTER');
        const applying = found(await fixture.store.transition(batch.id, ['pending'], 'applying', 'U0OWNER'));
        await fixture.store.claim('action:approve:1');
        const historyBefore = await fixture.store.history(batch.id);
        await fixture.store.close();

        const restarted = await fixture.database.open({ clock: new TestClock(START).read });
        await restarted.migrate();

        assert.deepEqual(await restarted.listByState('applying'), [applying]);
        assert.deepEqual(await restarted.history(batch.id), historyBefore);
        assert.equal(await restarted.claim('action:approve:1'), false);
        assert.equal(await restarted.transition(batch.id, ['pending'], 'applying', 'U0OWNER'), undefined);
      });
    }
  });
}
