import { REQUIRED_COLUMNS, REQUIRED_VALUES, normalizeColumnName, type ColumnName } from '../domain/columns.js';
import { OPERATIONS, zeroCounts, type Operation } from '../domain/operations.js';
import type { Rule } from './rule.js';
import { isReleased } from '../record-values.js';
import { isBlankRecord } from './blank-row.js';

/**
 * A column that an operation in the file requires must be in the header. Where every row that
 * needs it may leave it empty (Update's optional fields), the fix adds it with empty cells.
 */
export function missingColumn(): Rule {
  const rowsOf = zeroCounts();
  return {
    codes: ['missing-column'],
    row(row) {
      if (row.operation) rowsOf[row.operation]++;
    },
    unrow(row) {
      if (row.operation) rowsOf[row.operation]--;
    },
    end(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      const missing = new Map<ColumnName, Operation[]>();
      for (const operation of OPERATIONS) {
        if (rowsOf[operation] === 0) continue;
        for (const column of REQUIRED_COLUMNS[operation]) {
          // OPERATION has its own, louder rule.
          if (column === 'OPERATION' || header.columns[column] !== undefined) continue;
          missing.set(column, [...(missing.get(column) ?? []), operation]);
        }
      }
      const headerEnd = header.record.offset + header.record.length;
      if (missing.size === 0) return;
      const rowsMatchHeader = !header.record.recovered && ctx.table.rows.every((record) => !record.recovered && (isReleased(record) || record.values.length === header.names.length || isBlankRecord(record)));
      const misspelt = new Map(header.names.map((name) => [normalizeColumnName(name), name]));
      const delimiter = ctx.table.delimiter;
      for (const [column, operations] of missing) {
        const mayBeEmpty = operations.every((operation) => !REQUIRED_VALUES[operation].includes(column));
        // "Phone Number Set Id" is this column already: renaming it (unknown-column) is the fix, not adding another.
        const writtenAs = misspelt.get(column);
        // Appending a cell puts it under the new column only on rows as long as the header.
        const addable = mayBeEmpty && writtenAs === undefined && rowsMatchHeader;
        const edits = addable
          ? [
              { start: headerEnd, end: headerEnd, newText: `${delimiter}${column}` },
              ...ctx.table.rows
                .filter((record) => !isBlankRecord(record))
                .map((record) => {
                  const end = record.offset + record.length;
                  return { start: end, end, newText: delimiter };
                }),
            ]
          : [];
        ctx.report({
          code: 'missing-column',
          message:
            writtenAs !== undefined
              ? `${operations.join(' and ')} rows need a ${column} column; the header writes it "${writtenAs}". Rename it.`
              : `${operations.join(' and ')} rows need a ${column} column${mayBeEmpty ? ' (its cells may stay empty: empty means "leave as is")' : ''}. Add it to the header.`,
          start: header.record.offset,
          end: headerEnd,
          column,
          ...(addable ? { fixes: [{ title: `Add an empty ${column} column`, edits, safe: true }] } : {}),
        });
      }
    },
  };
}
