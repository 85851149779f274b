import { cellKind } from '../../domain/cells.js';
import { READ_ONLY_COLUMNS, type ColumnName } from '../../domain/columns.js';
import type { Operation } from '../../domain/operations.js';
import { rowChanges } from '../../plan/changes.js';
import { cleanKey } from '../../plan/row-number.js';
import type { ExportColumn, LiveNumber } from '../../plan/snapshot.js';
import type { Row } from '../row.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';
import { quoted } from './wording.js';

/** Columns the platform ignores in a row that is not a Create: the export-only ones, and GROUP_ID. */
const IGNORED: readonly ExportColumn[] = [...(READ_ONLY_COLUMNS as readonly ExportColumn[]), 'GROUP_ID'];

/**
 * A value the platform ignores that differs from the live one: the author probably expects a change
 * that will not happen. A value equal to the live one (a copied export) or to what the row leads to
 * (the new mini app's name after an Attach) is what the author expects, and passes.
 */
export function readOnlyChange({ snapshot }: LiveData): Rule {
  let columns: ExportColumn[] = [];
  return {
    local: true,
    codes: ['read-only-change'],
    header(ctx) {
      const header = ctx.table.header?.columns ?? {};
      columns = IGNORED.filter((column) => header[column] !== undefined);
    },
    row(row, ctx) {
      // A Create's number has no live values yet, and a Delete's values go with it.
      const operation = row.operation;
      if (columns.length === 0 || operation === undefined || operation === 'Create' || operation === 'Delete') return;
      // `<NULL>`, its look-alikes and formulas have rules of their own: one cell gets one diagnosis.
      const written = columns.filter((column) => cellKind(row.value(column)) === 'value');
      if (written.length === 0) return;
      const key = cleanKey(row);
      if (key === undefined) return;
      const state = snapshot.state(key);
      if (state.kind !== 'live') return;
      const live = state.live;
      const differing = written.filter((column) => live.values[column] !== undefined && row.value(column) !== live.values[column]);
      if (differing.length === 0) return;
      const { changes, unsure } = rowChanges(row, live.values, snapshot);
      for (const column of differing) {
        if (unsure.includes(column)) continue;
        const after = changes.find((change) => change.column === column)?.after ?? live.values[column] ?? '';
        const value = row.value(column);
        if (value === after) continue;
        ctx.reportField('read-only-change', row, column, message(row, operation, live, column, value, after), [
          ctx.replaceField(row, column, after, after === '' ? `Clear ${column}` : `Change to ${after}`, false),
        ]);
      }
    },
  };
}

function message(row: Row, operation: Operation, live: LiveNumber, column: ColumnName, value: string, after: string): string {
  const number = row.value('NUMBER');
  const before = live.values[column as ExportColumn] ?? '';
  const stays =
    after === before
      ? `${number} keeps ${column} ${quoted(before)}`
      : `after this row ${number} has ${column} ${quoted(after)}, from its new mini app`;
  return `${column} is ignored in ${operation === 'Update' || operation === 'Attach' ? 'an' : 'a'} ${operation} row: ${stays}, not ${quoted(value)}. ${howToChange(column)}`;
}

function howToChange(column: ColumnName): string {
  switch (column) {
    case 'GROUP_ID':
      return 'Only a Create reads GROUP_ID, and no operation moves a number to another group: Delete it and Create it there. Otherwise write the live value or clear the cell.';
    case 'COUNTRY':
      return 'The country follows from the number. Write the live value or clear the cell.';
    default:
      return `${column} describes the number's mini app and follows MINIAPP_ID: attach the number to another mini app to change it. Write the live value or clear the cell.`;
  }
}
