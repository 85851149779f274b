export { startSandbox, type Sandbox } from './sandbox.js';
export type { SandboxOptions } from './options.js';
export type { Faults } from './faults.js';
export { FaultsSchema } from './faults.js';
export type { LiveRow, ExportColumn } from './state.js';
export type { LoggedRequest } from './request-log.js';
export { DEFAULT_SEED_FILE } from './seed.js';
export { SANDBOX_TOKENS, SANDBOX_USERS } from './users.js';
export { BASE_PATH } from './server.js';
