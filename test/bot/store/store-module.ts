import type * as StoreModule from '../../../bot/src/store/index.js';

/**
 * The bot package exports only its entry point, which does not offer the store; the store is loaded
 * from where `tsc -b` builds it, with the types of its sources.
 */
const builtStore = new URL('../../../../bot/dist/store/index.js', import.meta.url);

export const { ACCEPTED_DATABASE_URLS, BATCH_STATES, FINAL_STATES, PostgresStoreError, openStore, parseDatabaseUrl } = (await import(builtStore.href)) as typeof StoreModule;
export type { Batch, BatchState, Json, NewBatch, OpenStoreOptions, Store, Transition } from '../../../bot/src/store/index.js';
