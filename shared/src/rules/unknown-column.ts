import { KNOWN_COLUMNS, isKnownColumn, normalizeColumnName, type ColumnName } from '../domain/columns.js';
import { effectiveSeverity } from '../settings.js';
import { tableValues } from '../record-values.js';
import { fieldSpan, type CsvRecord, type Table } from '../table.js';
import { closest } from '../text/suggest.js';
import type { OffsetEdit } from '../parse/findings.js';
import { diagnoseCell } from './values/diagnose-cell.js';
import type { RuleContext } from './context.js';
import type { Rule } from './rule.js';
import type { Row } from './row.js';

interface Unknown {
  index: number;
  name: string;
  /** The known column it most likely means, and whether that reading is certain (case, spaces). */
  target?: ColumnName;
  certain: boolean;
  /** Cells that would be an error under the new name: renaming is safe while there are none. */
  invalidCells: number;
  /** Cells that hold a value: a column without a name and without values can simply go. */
  filledCells: number;
}

/** Renaming to these changes how every row reads (its operation, its number), so a person decides. */
const RENAMES_FOR_A_PERSON: readonly ColumnName[] = ['OPERATION', 'NUMBER', 'COUNTRY'];

/**
 * Columns the platform does not know. A near miss (`LOCAL`, `Phone Number Set Id`) gets a "did you
 * mean", and a rename fix that is safe only when the intent is certain and every cell of the column
 * would be valid under its new name.
 */
export function unknownColumn(): Rule {
  let unknowns: Unknown[] = [];
  return {
    codes: ['unknown-column'],
    header(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      const free = KNOWN_COLUMNS.filter((column) => header.columns[column] === undefined);
      unknowns = header.names.flatMap((name, index) => {
        if (isKnownColumn(name)) return [];
        const normalized = normalizeColumnName(name);
        const exact = free.find((column) => column === normalized);
        const target = name === '' ? undefined : (exact ?? closest(normalized, free));
        return [{ index, name, certain: exact !== undefined, invalidCells: 0, filledCells: 0, ...(target ? { target } : {}) }];
      });
    },
    row(row, ctx) {
      for (const unknown of unknowns) count(unknown, row, ctx, 1);
    },
    unrow(row, ctx) {
      for (const unknown of unknowns) count(unknown, row, ctx, -1);
    },
    end(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      for (const unknown of unknowns) {
        const [start, end] = fieldSpan(header.record, unknown.index) ?? [header.record.offset, header.record.offset];
        const position = `Column ${unknown.index + 1}`;
        if (unknown.name === '') {
          const removal = removeColumnEdits(ctx.table, unknown.index, [header.record, ...ctx.table.rows]);
          ctx.report({
            code: 'unknown-column',
            message: `${position} has no name${unknown.filledCells === 0 ? ' and no values. Remove it.' : '; the platform would ignore its values. Name it, or remove it.'}`,
            start,
            end,
            ...(unknown.filledCells === 0 ? { fixes: [{ title: `Remove empty column ${unknown.index + 1}`, edits: removal, safe: true }] } : {}),
          });
          continue;
        }
        const target = unknown.target;
        ctx.report({
          code: 'unknown-column',
          message: `${position}, "${unknown.name}", is not a column the platform knows${target ? `; did you mean ${target}?` : ', and it would be ignored.'}`,
          start,
          end,
          column: unknown.name,
          ...(target ? { fixes: [{ title: `Rename to ${target}`, edits: [{ start, end, newText: target }], safe: unknown.certain && unknown.invalidCells === 0 && !RENAMES_FOR_A_PERSON.includes(target) }] } : {}),
        });
      }
    },
  };
}

/** Adds (or, with -1, takes back) what one row's cell says about an unknown column. */
function count(unknown: Unknown, row: Row, ctx: RuleContext, by: 1 | -1): void {
  const value = (row.values[unknown.index] ?? '').trim();
  if (value !== '') unknown.filledCells += by;
  if (!unknown.target) return;
  const diagnosis = diagnoseCell({ column: unknown.target, value, row, settings: ctx.settings });
  if (diagnosis && effectiveSeverity(ctx.settings, diagnosis.code) === 'error') unknown.invalidCells += by;
}

/** Deletes a column's field from the header and every row, with the separator before it (or after it, for the first). */
function removeColumnEdits(table: Table, index: number, records: readonly CsvRecord[]): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const record of records) {
    const values = tableValues(table, record);
    const span = fieldSpan(record, index, values);
    if (!span) continue;
    if (index > 0) {
      const previous = fieldSpan(record, index - 1, values);
      if (previous) edits.push({ start: previous[1], end: span[1], newText: '' });
    } else {
      const next = fieldSpan(record, 1, values);
      edits.push({ start: span[0], end: next ? next[0] : span[1], newText: '' });
    }
  }
  return edits;
}
