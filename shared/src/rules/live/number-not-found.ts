import { cleanKey } from '../../plan/row-number.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';

/** Every operation but Create needs a number that exists; the platform fails the row otherwise. */
export function numberNotFound({ snapshot }: LiveData): Rule {
  return {
    // The live data is fixed while the rule lives, so what it finds depends on the row alone.
    local: true,
    codes: ['number-not-found'],
    row(row, ctx) {
      const operation = row.operation;
      if (operation === undefined || operation === 'Create') return;
      const key = cleanKey(row);
      if (key === undefined || snapshot.state(key).kind !== 'absent') return;
      const number = row.value('NUMBER');
      ctx.reportField(
        'number-not-found',
        row,
        'NUMBER',
        `${number} is not among the live numbers: the export has no such number, so this ${operation} would fail. Check the number and that it is in a group you can see; a new number needs a Create. Otherwise remove the row.`,
      );
    },
  };
}
