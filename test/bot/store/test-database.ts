import type { Store } from './store-module.js';

/** A database of its own for one test, and the stores opened on it. */
export interface TestDatabase {
  /** A store on this database; each call opens another connection (or pool), as another replica would. */
  open(options?: { clock?: () => Date }): Promise<Store>;
  /** Closes every store it opened and removes the database. */
  dispose(): Promise<void>;
}

export interface TestEngine {
  name: string;
  /** Whether two stores opened on one database see the same data, and keep it when closed (not so in memory). */
  shared: boolean;
  create(): Promise<TestDatabase>;
}

/** Opens stores with `openOne` and closes them all, then runs `remove`. */
export function trackedDatabase(openOne: (options: { clock?: () => Date }) => Promise<Store>, remove: () => Promise<void>): TestDatabase {
  const opened: Store[] = [];
  return {
    async open(options = {}) {
      const store = await openOne(options);
      opened.push(store);
      return store;
    },
    async dispose() {
      await Promise.all(opened.map((store) => store.close()));
      await remove();
    },
  };
}
