export * from './types.js';
export { openStore, type OpenStoreOptions } from './open-store.js';
export { ACCEPTED_DATABASE_URLS, parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
export { PostgresStoreError } from './postgres-errors.js';
