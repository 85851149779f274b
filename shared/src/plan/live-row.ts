import { NULL_TOKEN } from '../domain/columns.js';
import type { Row } from '../rules/row.js';
import { batchKey } from './row-number.js';
import type { NumberState, Snapshot } from './snapshot.js';

/**
 * The group whose permission a row needs (docs/numbers-api.md): GROUP_ID for a Create, the number's
 * current group otherwise. Undefined when it cannot be told: no GROUP_ID, or a number not live.
 */
export function rowGroup(row: Row, state: NumberState): string | undefined {
  if (row.operation === 'Create') return row.value('GROUP_ID') || undefined;
  return state.kind === 'live' ? state.live.values.GROUP_ID || undefined : undefined;
}

export interface SetMismatch {
  set: string;
  /** The groups the export shows the set in. */
  setGroups: readonly string[];
  /** The number's group: its current one, or GROUP_ID for a Create. */
  numberGroup: string;
}

/**
 * A Create or an Update that puts the number in a set of another group, which the platform refuses.
 * Only sets the export shows are judged: a set with no numbers yet is not in it.
 */
export function setMismatch(row: Row, state: NumberState, snapshot: Snapshot): SetMismatch | undefined {
  if (row.operation !== 'Create' && row.operation !== 'Update') return undefined;
  const set = row.value('PHONE_NUMBER_SET_ID');
  if (set === '' || set === NULL_TOKEN) return undefined;
  const groups = snapshot.setGroups.get(set);
  const numberGroup = rowGroup(row, state);
  if (groups === undefined || numberGroup === undefined || groups.has(numberGroup)) return undefined;
  return { set, setGroups: [...groups].sort(), numberGroup };
}

/** The group a row touches, its number looked up as meant: what ownership is checked against. */
export function touchedGroup(row: Row, snapshot: Snapshot): string | undefined {
  if (row.operation === 'Create') return rowGroup(row, { kind: 'absent' });
  const key = batchKey(row);
  return key === '' ? undefined : rowGroup(row, snapshot.state(key));
}
