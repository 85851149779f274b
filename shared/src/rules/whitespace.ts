import { fieldSpan, type CsvRecord } from '../table.js';
import type { RuleContext } from './context.js';
import { trimmed } from '../domain/cells.js';
import { quoteValue } from '../parse/quote-value.js';
import type { Rule } from './rule.js';


function checkRecord(record: CsvRecord, row: number | undefined, names: readonly string[], ctx: RuleContext): void {
  for (let i = 0; i < record.values.length; i++) {
    const value = record.values[i] as string;
    if (value === '' || trimmed(value) === value) continue;
    const [start, end] = fieldSpan(record, i) as [number, number];
    const column = names[i];
    ctx.report({
      code: 'whitespace',
      message: `${column ? `${column} has` : 'This value has'} spaces around it ("${value}"), which the platform would keep. Remove them.`,
      start,
      end,
      ...(row !== undefined ? { row } : {}),
      ...(column ? { column } : {}),
      fixes: [{ title: 'Trim the spaces', edits: [{ start, end, newText: quoteValue(value.trim(), ctx.table.delimiter) }], safe: true }],
    });
  }
}

/** Spaces around a value survive every spreadsheet and make `en-US ` a different locale. */
export function whitespace(): Rule {
  return {
    local: true,
    codes: ['whitespace'],
    header(ctx) {
      const header = ctx.table.header;
      if (header) checkRecord(header.record, undefined, header.names, ctx);
    },
    row(row, ctx) {
      checkRecord(row.record, row.number, ctx.table.header?.names ?? [], ctx);
    },
  };
}
