import { intendedValue } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { numberKey } from '../domain/phone.js';
import type { Rule } from './rule.js';

/**
 * The platform does not say in which order rows run, so two rows for one number have no defined
 * outcome. Numbers are compared as meant: `+1 415 555 0123` and `+14155550123` are the same.
 */
export function duplicateNumber(): Rule {
  const first = new Map<string, { row: number; start: number; end: number }>();
  return {
    codes: ['duplicate-number'],
    row(row, ctx) {
      const value = intendedValue(row.raw('NUMBER') ?? '');
      if (value === '') return;
      const key = numberKey(value, countryNamed(row.value('COUNTRY')));
      const [start, end] = row.span('NUMBER');
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { row: row.number, start, end });
        return;
      }
      ctx.report({
        code: 'duplicate-number',
        message: `${value} is already on row ${earlier.row}. The order in which rows run is not defined: keep one row per number.`,
        start,
        end,
        row: row.number,
        column: 'NUMBER',
        related: [{ start: earlier.start, end: earlier.end, message: `First row for ${value}` }],
      });
    },
  };
}
