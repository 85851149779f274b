import { touchedGroup } from '../../plan/live-row.js';
import { tableRows } from '../../plan/table-rows.js';
import type { RuleContext } from '../context.js';
import type { Row } from '../row.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';
import { listed, quoted } from './wording.js';

/**
 * The platform refuses a whole file (403) that touches a group where the caller is not OWNER. A
 * problem of the file, so it is reported once per such group, at its first row, naming the others.
 */
export function groupNotOwned(live: LiveData): Rule {
  if (live.ownedGroups === undefined) return { codes: ['group-not-owned'] };
  const ownedGroups = live.ownedGroups;
  const owned = new Set(ownedGroups);
  /** Rows per group not owned, kept as rows come and go so that `end` looks only when one exists. */
  const rowsIn = new Map<string, number>();
  const notOwned = (row: Row): string | undefined => {
    const group = touchedGroup(row, live.snapshot);
    return group !== undefined && !owned.has(group) ? group : undefined;
  };
  return {
    codes: ['group-not-owned'],
    row(row) {
      const group = notOwned(row);
      if (group !== undefined) rowsIn.set(group, (rowsIn.get(group) ?? 0) + 1);
    },
    unrow(row) {
      const group = notOwned(row);
      if (group === undefined) return;
      const left = (rowsIn.get(group) ?? 0) - 1;
      if (left > 0) rowsIn.set(group, left);
      else rowsIn.delete(group);
    },
    end(ctx) {
      if (rowsIn.size === 0) return;
      for (const [group, rows] of rowsByGroup(ctx, notOwned)) report(ctx, group, rows, ownedGroups);
    },
  };
}

/** The rows of each group not owned, in file order; found when asked, as rows change in an editor. */
function rowsByGroup(ctx: RuleContext, notOwned: (row: Row) => string | undefined): Map<string, Row[]> {
  const byGroup = new Map<string, Row[]>();
  for (const row of tableRows(ctx.table)) {
    const group = notOwned(row);
    if (group === undefined) continue;
    const rows = byGroup.get(group);
    if (rows) rows.push(row);
    else byGroup.set(group, [row]);
  }
  return byGroup;
}

function report(ctx: RuleContext, group: string, rows: readonly Row[], ownedGroups: readonly string[]): void {
  const first = rows[0];
  if (!first) return;
  const create = first.operation === 'Create';
  const column = create ? 'GROUP_ID' : 'NUMBER';
  const number = first.value('NUMBER');
  const what = create ? `This Create puts ${number} in group ${quoted(group)}` : `${number} is in group ${quoted(group)}`;
  const yours = ownedGroups.length > 0 ? `you are OWNER of ${listed(ownedGroups.map(quoted))}` : 'you are OWNER of no group';
  const others = rows.length > 1 ? ` ${rows.length} rows touch it: rows ${listed(rows.map((row) => String(row.number)))}.` : '';
  ctx.reportField(
    'group-not-owned',
    first,
    column,
    `${what}, where you are not OWNER (${yours}). The platform refuses the whole file when it touches a group you do not own.${others} Ask an OWNER of ${quoted(group)} to apply the file, or move these rows to a file of their own.`,
  );
}
