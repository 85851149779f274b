import type { OffsetFix } from '../parse/findings.js';
import { quoteValue } from '../parse/quote-value.js';
import { fieldSpan, type CsvRecord, type Table } from '../table.js';
import type { RuleContext } from './context.js';

const NAMES = { ';': 'semicolons', '\t': 'tabs', ',': 'commas' } as const;

/**
 * European Excel saves with `;`. The file is still read with its own separator, so every other
 * mistake is placed right; the fix rewrites it with commas, quoting values that hold one.
 */
export function reportWrongDelimiter(table: Table, records: readonly CsvRecord[], canRewrite: boolean, ctx: RuleContext): void {
  const header = records[0];
  if (table.delimiter === ',' || !header) return;
  // Point at the header's first separator; a header read as one field has none to point at.
  const separator = header.values.length > 1 ? fieldSpan(header, 0)?.[1] : undefined;
  const start = header.offset;
  const end = records.reduce((last, record) => Math.max(last, record.offset + record.length), start);
  const fixes: OffsetFix[] = canRewrite
    ? [{ title: `Rewrite the file with commas instead of ${NAMES[table.delimiter]}`, edits: [{ start, end, newText: rewrite(table, records) }], safe: true }]
    : [];
  ctx.report({
    code: 'wrong-delimiter',
    message: `Fields are separated by ${NAMES[table.delimiter]}; the platform reads commas only. Save the file as "CSV (comma delimited)", or apply the fix.`,
    start: separator ?? start,
    end: separator === undefined ? start : separator + 1,
    fixes,
  });
}

function rewrite(table: Table, records: readonly CsvRecord[]): string {
  const parts: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as CsvRecord;
    parts.push(record.values.map((value) => quoteValue(value, ',')).join(','));
    const next = records[i + 1];
    // Keep each record's own line break, so that nothing but the separators changes.
    if (next) parts.push(table.text.slice(record.offset + record.length, next.offset));
  }
  return parts.join('');
}
