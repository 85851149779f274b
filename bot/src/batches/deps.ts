import type { NumbersApiClient, Plan, Settings } from '@numbers-csv/shared';
import type { Owners } from '../approvers/owners.js';
import type { Log } from '../log.js';
import type { Json, Store } from '../store/types.js';

/** What the batch workflow works with; the app builds it once from the configuration. */
export interface BotDeps {
  store: Store;
  numbers: NumbersApiClient;
  owners: Owners;
  settings: Settings;
  /** The numbers API's base URL, as approvers are shown it. */
  environment: string;
  botToken: string;
  fileHosts: readonly string[];
  maxFileBytes: number;
  batchTtlMs: number;
  allowSelfApproval: boolean;
  log: Log;
  now: () => Date;
}

/** A plan as the store keeps it: plain JSON. */
export function planJson(plan: Plan): Json {
  return JSON.parse(JSON.stringify(plan)) as Json;
}

/** A plan the store kept. It is the bot's own JSON, written by `planJson`. */
export function storedPlan(json: Json): Plan | undefined {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && Array.isArray(json['rows']) ? (json as unknown as Plan) : undefined;
}
