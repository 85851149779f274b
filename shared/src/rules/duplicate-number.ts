import { intendedValue } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { e164Value, numberKey } from '../domain/phone.js';
import { tableValues } from '../record-values.js';
import { FirstRows } from './first-rows.js';
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
      if (e164 !== 0) first.addNumber(e164, row.record);
      else first.add(keyOf(row, value), row.record);
    },
    unrow(row) {
      const value = intendedValue(row.raw('NUMBER') ?? '');
      if (value !== '') first.remove(keyOf(row, value), row.record);
    },
    end(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      for (const repeated of first.repeated()) {
        const later = new Row(repeated.record, tableValues(ctx.table, repeated.record), header, undefined);
        const earlier = new Row(repeated.first, tableValues(ctx.table, repeated.first), header, undefined);
        const value = intendedValue(later.raw('NUMBER') ?? '');
        const [start, end] = later.span('NUMBER');
        const [relatedStart, relatedEnd] = earlier.span('NUMBER');
        ctx.report({
          code: 'duplicate-number',
          message: `${value} is already on row ${earlier.number}. The order in which rows run is not defined: keep one row per number.`,
          start,
          end,
          row: later.number,
          column: 'NUMBER',
          related: [{ start: relatedStart, end: relatedEnd, message: `First row for ${value}` }],
        });
      }
    },
  };
}

function keyOf(row: Row, value: string): string {
  return numberKey(value, () => countryNamed(row.value('COUNTRY')));
}
