import { BATCH_STATES, type Batch, type BatchState, type Json, type NewBatch, type Transition, type TransitionPatch } from './types.js';

/** How an engine keeps the values SQL has no common type for. */
export interface StoredTypes {
  date: unknown;
  json: unknown;
  groups: unknown;
}

/** Reads and writes those values; each engine has one. */
export interface Codec<T extends StoredTypes> {
  readDate(value: T['date']): Date;
  writeDate(value: Date): unknown;
  readJson(value: T['json']): Json;
  writeJson(value: Json): unknown;
  readGroups(value: T['groups']): string[];
  writeGroups(value: string[]): unknown;
}

export interface BatchRow<T extends StoredTypes> {
  id: string;
  file_id: string;
  file_name: string;
  channel: string;
  thread_ts: string;
  summary_ts: string | null;
  submitter: string;
  environment: string;
  csv: string;
  groups: T['groups'];
  plan_digest: T['json'];
  state: string;
  created_at: T['date'];
  expires_at: T['date'];
  updated_at: T['date'];
  decided_by: string | null;
  decided_at: T['date'] | null;
  result: T['json'];
}

export interface TransitionRow<T extends StoredTypes> {
  batch_id: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  at: T['date'];
  detail: T['json'];
}

/** The columns of a new batch, in the order of `newBatchValues`. */
export const BATCH_COLUMNS = [
  'id', 'file_id', 'file_name', 'channel', 'thread_ts', 'summary_ts', 'submitter', 'environment', 'csv', 'groups',
  'plan_digest', 'state', 'created_at', 'expires_at', 'updated_at', 'decided_by', 'decided_at', 'result',
] as const satisfies readonly (keyof BatchRow<StoredTypes>)[];

export const TRANSITION_COLUMNS = ['batch_id', 'from_state', 'to_state', 'actor', 'at', 'detail'] as const satisfies readonly (keyof TransitionRow<StoredTypes>)[];

const PATCH_COLUMNS = {
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  result: 'result',
  planDigest: 'plan_digest',
  groups: 'groups',
  summaryTs: 'summary_ts',
} as const satisfies Record<keyof Required<TransitionPatch>, keyof BatchRow<StoredTypes>>;

export function newBatchValues<T extends StoredTypes>(batch: NewBatch, id: string, now: Date, codec: Codec<T>): unknown[] {
  return [
    id, batch.fileId, batch.fileName, batch.channel, batch.threadTs, null, batch.submitter, batch.environment, batch.csv,
    codec.writeGroups(batch.groups), codec.writeJson(batch.planDigest), 'pending' satisfies BatchState,
    codec.writeDate(now), codec.writeDate(batch.expiresAt), codec.writeDate(now), null, null, codec.writeJson(null),
  ];
}

/** The columns a patch sets, with their stored values; fields left undefined are left alone. */
export function patchAssignments<T extends StoredTypes>(patch: TransitionPatch, codec: Codec<T>): { column: string; value: unknown }[] {
  const assignments: { column: string; value: unknown }[] = [];
  const set = (field: keyof TransitionPatch, value: unknown): void => {
    assignments.push({ column: PATCH_COLUMNS[field], value });
  };
  if (patch.decidedBy !== undefined) set('decidedBy', patch.decidedBy);
  if (patch.decidedAt !== undefined) set('decidedAt', codec.writeDate(patch.decidedAt));
  if (patch.result !== undefined) set('result', codec.writeJson(patch.result));
  if (patch.planDigest !== undefined) set('planDigest', codec.writeJson(patch.planDigest));
  if (patch.groups !== undefined) set('groups', codec.writeGroups(patch.groups));
  if (patch.summaryTs !== undefined) set('summaryTs', patch.summaryTs);
  return assignments;
}

export function readBatch<T extends StoredTypes>(row: BatchRow<T>, codec: Codec<T>): Batch {
  return {
    id: row.id,
    fileId: row.file_id,
    fileName: row.file_name,
    channel: row.channel,
    threadTs: row.thread_ts,
    summaryTs: row.summary_ts,
    submitter: row.submitter,
    environment: row.environment,
    csv: row.csv,
    groups: codec.readGroups(row.groups),
    planDigest: codec.readJson(row.plan_digest),
    state: readState(row.state),
    createdAt: codec.readDate(row.created_at),
    expiresAt: codec.readDate(row.expires_at),
    updatedAt: codec.readDate(row.updated_at),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : codec.readDate(row.decided_at),
    result: codec.readJson(row.result),
  };
}

export function readTransition<T extends StoredTypes>(row: TransitionRow<T>, codec: Codec<T>): Transition {
  return {
    batchId: row.batch_id,
    from: row.from_state === null ? null : readState(row.from_state),
    to: readState(row.to_state),
    actor: row.actor,
    at: codec.readDate(row.at),
    detail: codec.readJson(row.detail),
  };
}

export function isOneOf(state: string, states: readonly BatchState[]): state is BatchState {
  return (states as readonly string[]).includes(state);
}

function readState(state: string): BatchState {
  if (isOneOf(state, BATCH_STATES)) return state;
  // Only a newer bot sharing this database could have written it.
  throw new Error(`The store holds a batch in state "${state}", which this version of the bot does not know; upgrade it.`);
}
