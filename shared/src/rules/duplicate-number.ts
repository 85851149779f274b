import { intendedValue } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { e164Value, numberKey } from '../domain/phone.js';
import { FirstRows } from './first-rows.js';
import type { CsvRecord } from '../table.js';
import type { Rule } from './rule.js';
import { Row } from './row.js';

/**
 * The platform does not say in which order rows run, so two rows for one number have no defined
 * outcome. Numbers are compared as meant: `+1 415 555 0123` and `+14155550123` are the same.
 */
export function duplicateNumber(): Rule {
  const first = new FirstRows();
  return {
    codes: ['duplicate-number'],
    row(row) {
      const value = intendedValue(row.raw('NUMBER') ?? '');
      if (value === '') return;
      // An E.164 value is its own key (nearly every row of an export): no closure, no string key.
      const e164 = e164Value(value);
      if (e164 !== 0) first.addNumber(e164, row.number);
      else first.add(numberKey(value, () => countryNamed(row.value('COUNTRY'))), row.number);
    },
    end(ctx) {
      const { header, rows } = ctx.table;
      if (!header) return;
      const rowAt = (number: number) => new Row(rows[number - 1] as CsvRecord, header, undefined);
      for (const repeated of first.repeated()) {
        const later = rowAt(repeated.row);
        const value = intendedValue(later.raw('NUMBER') ?? '');
        const [start, end] = later.span('NUMBER');
        const [relatedStart, relatedEnd] = rowAt(repeated.first).span('NUMBER');
        ctx.report({
          code: 'duplicate-number',
          message: `${value} is already on row ${repeated.first}. The order in which rows run is not defined: keep one row per number.`,
          start,
          end,
          row: repeated.row,
          column: 'NUMBER',
          related: [{ start: relatedStart, end: relatedEnd, message: `First row for ${value}` }],
        });
      }
    },
  };
}
