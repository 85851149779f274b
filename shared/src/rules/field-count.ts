import { REQUIRED_VALUES, isKnownColumn } from '../domain/columns.js';
import type { Rule } from './rule.js';

/** Rows must have as many fields as the header: a shifted field puts values in the wrong columns. */
export function fieldCount(): Rule {
  return {
    local: true,
    codes: ['field-count'],
    row(row, ctx) {
      const header = ctx.table.header;
      if (!header) return;
      const expected = header.names.length;
      const { values } = row.record;
      if (values.length === expected) return;
      const [, rowEnd] = row.fieldSpan(values.length - 1);
      if (values.length > expected) {
        const extra = values.slice(expected);
        const [lastEnd] = [row.fieldSpan(expected - 1)[1]];
        const [firstExtra] = row.fieldSpan(expected);
        const empty = extra.every((value) => value.trim() === '');
        ctx.report({
          code: 'field-count',
          message: empty
            ? `This row has ${values.length} fields, the header ${expected}: the last ${extra.length} are empty. Remove them.`
            : `This row has ${values.length} fields, the header ${expected}. A separator inside a value must be quoted; otherwise remove the extra fields.`,
          start: firstExtra,
          end: rowEnd,
          row: row.number,
          ...(empty ? { fixes: [{ title: `Remove the ${extra.length} empty trailing field${extra.length > 1 ? 's' : ''}`, edits: [{ start: lastEnd, end: rowEnd, newText: '' }], safe: true }] } : {}),
        });
        return;
      }
      const missing = header.names.slice(values.length);
      const needed = row.operation ? REQUIRED_VALUES[row.operation] : undefined;
      // A record read past a quote mistake may end inside a quoted field: cells added there would land in it.
      const canBeEmpty = !row.record.recovered && needed !== undefined && missing.every((name) => !isKnownColumn(name) || !needed.includes(name));
      const delimiter = ctx.table.delimiter;
      ctx.report({
        code: 'field-count',
        message: `This row has ${values.length} field${values.length === 1 ? '' : 's'}, the header ${expected}; missing: ${missing.map((name) => name || '(unnamed)').join(', ')}.`,
        start: row.record.offset,
        end: rowEnd,
        row: row.number,
        ...(canBeEmpty ? { fixes: [{ title: `Add ${missing.length} empty field${missing.length > 1 ? 's' : ''}`, edits: [{ start: rowEnd, end: rowEnd, newText: delimiter.repeat(missing.length) }], safe: true }] } : {}),
      });
    },
  };
}
