export { createBot, type Bot, type BotParts } from './app.js';
export { readConfig, ConfigError, type BotConfig } from './config.js';
export { loadApprovers, parseApprovers, Owners, type Approvers } from './approvers/index.js';
export { jsonLog, silentLog, type Log } from './log.js';
export * from './store/index.js';
