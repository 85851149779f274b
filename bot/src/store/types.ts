/**
 * The bot's state: batches and what happened to them. One contract, two engines (SQLite embedded,
 * PostgreSQL for several replicas); `test/bot/store/` holds both to it.
 */

/** Where a batch is. `pending` waits for an approver; the others after `applying` are final. */
export const BATCH_STATES = ['pending', 'applying', 'applied', 'partially-applied', 'failed', 'outcome-unknown', 'rejected', 'cancelled', 'expired'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const FINAL_STATES: readonly BatchState[] = ['applied', 'partially-applied', 'failed', 'outcome-unknown', 'rejected', 'cancelled', 'expired'];

/** JSON the store keeps as it is given: the plan digest, the result of an apply. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Batch {
  /** A UUID, made by the store. It is the value of the batch's buttons. */
  id: string;
  /** The Slack file id: a file is one batch, however many times Slack tells of it. */
  fileId: string;
  fileName: string;
  /** Channel (or direct message) id where the file was shared. */
  channel: string;
  /** ts of the message that shared the file: the thread the bot answers in. */
  threadTs: string;
  /** ts of the bot's summary message in that thread, once posted. */
  summaryTs: string | null;
  /** Slack user id of whoever shared the file. */
  submitter: string;
  /** The numbers API the batch goes to (its base URL), as shown to approvers. */
  environment: string;
  /** The file as text, as it will be uploaded. */
  csv: string;
  /** Groups the batch touches, sorted: an approver must be OWNER of each. */
  groups: string[];
  /** What the plan said when the summary was posted; an approval re-plans and compares. */
  planDigest: Json;
  state: BatchState;
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  /** Who approved, rejected or cancelled it, and when. */
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Set when an apply ends (the platform's answer, or the reconciliation). */
  result: Json;
}

export interface NewBatch {
  fileId: string;
  fileName: string;
  channel: string;
  threadTs: string;
  submitter: string;
  environment: string;
  csv: string;
  groups: string[];
  planDigest: Json;
  expiresAt: Date;
}

/** An audit record: every transition, who made it, when, and what went with it. */
export interface Transition {
  batchId: string;
  from: BatchState | null;
  to: BatchState;
  /** Slack user id, or `bot` for what the bot did on its own (an expiry, a reconciliation). */
  actor: string;
  at: Date;
  detail: Json;
}

/** Fields a transition may set besides the state. */
export interface TransitionPatch {
  decidedBy?: string;
  decidedAt?: Date;
  result?: Json;
  planDigest?: Json;
  groups?: string[];
  summaryTs?: string;
}

export interface Store {
  /** Creates or updates the tables; safe to run on every start, by several replicas at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * True the first time `key` is claimed, false ever after: Slack delivers an event again when it
   * thinks it was not received, and tells of one file by two events.
   */
  claim(key: string): Promise<boolean>;
  /** Creates the batch of a file (state `pending`, with a first audit record); `created: false` and the existing batch when the file has one already. */
  createBatch(batch: NewBatch, actor: string): Promise<{ batch: Batch; created: boolean }>;
  getBatch(id: string): Promise<Batch | undefined>;
  getBatchByFile(fileId: string): Promise<Batch | undefined>;
  /** Sets fields that are not the state (the summary's ts, a new plan digest) without a transition. */
  update(id: string, patch: TransitionPatch): Promise<Batch | undefined>;
  /**
   * Moves a batch from one of `from` to `to` in one atomic conditional update, with its audit record
   * in the same transaction. Undefined when the batch was not in one of `from` (someone else moved it
   * first, on this replica or another): exactly one of many concurrent callers gets the batch.
   */
  transition(id: string, from: readonly BatchState[], to: BatchState, actor: string, detail?: Json, patch?: TransitionPatch): Promise<Batch | undefined>;
  /** Batches in a state, oldest first (the `applying` ones at start; the `pending` ones for `/numbers pending`). */
  listByState(state: BatchState): Promise<Batch[]>;
  /** The audit records of a batch, in order. */
  history(id: string): Promise<Transition[]>;
}
