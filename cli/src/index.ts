export { run } from './run.js';
export { nodeIo, wantsColour, type Io, type Output } from './io.js';
export { DEFAULT_CONFIG_FILE, loadSettings } from './config.js';
export type { JsonFile, JsonIssue, JsonReport } from './format/json.js';
export type { SarifLog } from './format/sarif.js';
