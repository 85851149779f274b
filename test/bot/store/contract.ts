import { creatingAndReading } from './contract-batches.js';
import { replicasAndConcurrency } from './contract-replicas.js';
import { transitions } from './contract-transitions.js';
import { START, TestClock } from './batches.js';
import type { Store } from './store-module.js';
import type { TestDatabase, TestEngine } from './test-database.js';

/** What every test of the contract starts with: a migrated store on a database of its own. */
export class ContractFixture {
  readonly engine: TestEngine;
  #database: TestDatabase | undefined;
  #store: Store | undefined;
  #clock = new TestClock(START);

  constructor(engine: TestEngine) {
    this.engine = engine;
  }

  get store(): Store {
    if (this.#store === undefined) throw new Error('The store is opened in beforeEach.');
    return this.#store;
  }

  get database(): TestDatabase {
    if (this.#database === undefined) throw new Error('The database is made in beforeEach.');
    return this.#database;
  }

  get clock(): TestClock {
    return this.#clock;
  }

  /** Another replica on the same database and clock; the same store where the engine cannot share one. */
  async replica(): Promise<Store> {
    if (!this.engine.shared) return this.store;
    const other = await this.database.open({ clock: this.#clock.read });
    await other.migrate();
    return other;
  }

  async setUp(): Promise<void> {
    this.#clock = new TestClock(START);
    this.#database = await this.engine.create();
    this.#store = await this.#database.open({ clock: this.#clock.read });
    await this.#store.migrate();
  }

  async tearDown(): Promise<void> {
    await this.#database?.dispose();
    this.#database = undefined;
    this.#store = undefined;
  }
}

/** The one contract every engine is held to (`bot/src/store/types.ts`). */
export function storeContract(engine: TestEngine): void {
  describe(`store contract: ${engine.name}`, () => {
    const fixture = new ContractFixture(engine);
    beforeEach(() => fixture.setUp());
    afterEach(() => fixture.tearDown());

    creatingAndReading(fixture);
    transitions(fixture);
    replicasAndConcurrency(fixture);
  });
}
