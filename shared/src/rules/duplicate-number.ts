import { intendedValue } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { e164Value, numberKey } from '../domain/phone.js';
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
    row(row, ctx) {
      const value = intendedValue(row.raw('NUMBER') ?? '');
      if (value === '') return;
      // An E.164 value is its own key (nearly every row of an export): no closure, no string key.
      const e164 = e164Value(value);
      const earlier = e164 !== 0 ? first.firstOrNumber(e164, row.number) : first.firstOr(numberKey(value, () => countryNamed(row.value('COUNTRY'))), row.number);
      if (earlier === row.number) return;
      const [start, end] = row.span('NUMBER');
      const earlierRow = ctx.table.rows[earlier - 1];
      const [relatedStart, relatedEnd] = (earlierRow && ctx.table.header ? new Row(earlierRow, ctx.table.header, undefined).span('NUMBER') : [start, end]);
      ctx.report({
        code: 'duplicate-number',
        message: `${value} is already on row ${earlier}. The order in which rows run is not defined: keep one row per number.`,
        start,
        end,
        row: row.number,
        column: 'NUMBER',
        related: [{ start: relatedStart, end: relatedEnd, message: `First row for ${value}` }],
      });
    },
  };
}
