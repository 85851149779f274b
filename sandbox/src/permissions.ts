import type { OperationRow } from './operations-file.js';
import { roleIn } from './roles.js';
import type { NumbersState } from './state.js';
import type { Caller } from './users.js';

/**
 * The groups the file touches in which the caller is not OWNER, in the order the file first touches
 * them. A row touches its number's current group, or for a Create the group it names. A row whose
 * number or group the platform does not know touches none: it fails on its own when it runs.
 */
export function groupsLackingOwner(caller: Caller, rows: readonly OperationRow[], state: NumbersState): string[] {
  const lacking = new Set<string>();
  for (const row of rows) {
    const group = groupTouched(row, state);
    if (group !== undefined && roleIn(caller, group) !== 'OWNER') lacking.add(group);
  }
  return [...lacking];
}

function groupTouched(row: OperationRow, state: NumbersState): string | undefined {
  if (row.operation === 'Create') {
    const group = row.value('GROUP_ID');
    return state.groups.has(group) ? group : undefined;
  }
  return state.numbers.get(row.value('NUMBER'))?.GROUP_ID;
}
