import type { IssueCode } from '../catalogue.js';
import type { Operation } from '../domain/operations.js';
import type { Issue } from '../issue.js';
import type { Row } from '../rules/row.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { Table } from '../table.js';
import { validate } from '../validate.js';
import { rowChanges, type Change, type RowEffect } from './changes.js';
import { setMismatch, touchedGroup } from './live-row.js';
import { blocksFile, withPlatformSeverities } from './refusals.js';
import { batchKey } from './row-number.js';
import type { LiveValues, NumberState, Snapshot } from './snapshot.js';
import { tableRows } from './table-rows.js';

/**
 * What the platform will do with a row. `fail`: the row, or the whole file, will be refused.
 * `unknown`: the snapshot was read for other numbers (see `numbersInBatch`), so it cannot tell.
 */
export type Effect = RowEffect | 'fail' | 'unknown';

export const EFFECTS: readonly Effect[] = ['create', 'update', 'attach', 'detach', 'delete', 'no-op', 'fail', 'unknown'];

export interface PlannedRow {
  /** 1-based data row, the header not counted, as the platform's results number rows. */
  row: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  /** NUMBER as written, without surrounding spaces. */
  number: string;
  /** The number as meant (E.164 where that is certain): what the snapshots are looked up by. */
  key: string;
  operation: Operation | undefined;
  effect: Effect;
  /** Fields that change, in the order the row writes them; derived ones (the mini app's description) last. */
  changes: Change[];
  /** Why a row fails: the first error on the row, or the one that stops the file. */
  reason?: { code: IssueCode; message: string };
  /** The number's live values before the batch, where it exists. */
  before?: LiveValues;
}

export interface PlanSummary {
  /** Rows per effect; every effect is present. */
  effects: Record<Effect, number>;
  /** Rows planned to fail, in file order. */
  failingRows: number[];
}

export interface Plan {
  rows: PlannedRow[];
  /** Errors for which the platform refuses the whole file; when there are any, every row fails. */
  blocked: Issue[];
  summary: PlanSummary;
  /** Every group the batch touches, sorted: applying it takes an OWNER of each. */
  groups: string[];
}

export interface PlanOptions {
  settings?: Settings;
  /** Groups where the user is OWNER; without it, ownership is not checked. */
  ownedGroups?: readonly string[];
}

/**
 * What applying the batch `text` would do, row by row, against the live data in `snapshot` (read with
 * `numbersInBatch(text)`). Takes the text rather than a validation: the plan validates it again with
 * the live data, and with the platform's own refusals as errors whatever the settings lower.
 */
export function plan(text: string, snapshot: Snapshot, options: PlanOptions = {}): Plan {
  const settings = withPlatformSeverities(options.settings ?? DEFAULT_SETTINGS);
  const { table, issues } = validate(text, settings, { snapshot, ...(options.ownedGroups ? { ownedGroups: options.ownedGroups } : {}) });
  const rows = [...tableRows(table)];
  const operations = new Map(rows.map((row) => [row.number, row.operation]));
  const blocked = issues.filter((issue) => blocksFile(issue, (row) => operations.get(row)));
  const firstErrors = new Map<number, Issue>();
  for (const issue of issues) if (issue.severity === 'error' && issue.row !== undefined && !firstErrors.has(issue.row)) firstErrors.set(issue.row, issue);

  const refusal = blocked[0];
  const planned = rows.map((row) => planRow(row, table, snapshot, refusal ?? firstErrors.get(row.number)));
  const groups = new Set<string>();
  for (const row of rows) {
    const group = touchedGroup(row, snapshot);
    if (group !== undefined) groups.add(group);
  }
  return { rows: planned, blocked, summary: summarize(planned), groups: [...groups].sort() };
}

function planRow(row: Row, table: Table, snapshot: Snapshot, error: Issue | undefined): PlannedRow {
  const key = batchKey(row);
  const state: NumberState = key === '' ? { kind: 'absent' } : snapshot.state(key);
  const planned: PlannedRow = {
    row: row.number,
    line: table.lines.positionAt(row.record.offset).line + 1,
    number: row.value('NUMBER'),
    key,
    operation: row.operation,
    effect: 'fail',
    changes: [],
    ...(state.kind === 'live' ? { before: state.live.values } : {}),
  };
  const failure = error ? { code: error.code, message: error.message } : liveFailure(row, state, snapshot);
  if (failure) return { ...planned, reason: failure };
  if (state.kind === 'unread') return { ...planned, effect: 'unknown' };
  const { effect, changes } = rowChanges(row, state.kind === 'live' ? state.live.values : undefined, snapshot);
  return { ...planned, effect, changes };
}

/**
 * Why the platform would fail a row the rules left alone: they judge only clean NUMBER cells, and a
 * malformed one's own error may be turned off in the settings. The platform fails the row all the same.
 */
function liveFailure(row: Row, state: NumberState, snapshot: Snapshot): { code: IssueCode; message: string } | undefined {
  const number = row.value('NUMBER');
  if (row.operation === undefined) return { code: 'unknown-operation', message: 'The row names no operation the platform knows.' };
  if (row.operation === 'Create' && state.kind === 'live') return { code: 'number-exists', message: `${number} already exists, so this Create would fail.` };
  if (row.operation !== 'Create' && state.kind === 'absent') return { code: 'number-not-found', message: `${number} is not among the live numbers, so this ${row.operation} would fail.` };
  const mismatch = setMismatch(row, state, snapshot);
  if (mismatch) return { code: 'set-group-mismatch', message: `Set "${mismatch.set}" is not in group "${mismatch.numberGroup}", the number's, so the platform would fail this row.` };
  return undefined;
}

function summarize(rows: readonly PlannedRow[]): PlanSummary {
  const effects = Object.fromEntries(EFFECTS.map((effect) => [effect, 0])) as Record<Effect, number>;
  const failingRows: number[] = [];
  for (const row of rows) {
    effects[row.effect]++;
    if (row.effect === 'fail') failingRows.push(row.row);
  }
  return { effects, failingRows };
}
