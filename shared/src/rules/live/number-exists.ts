import { cleanKey } from '../../plan/row-number.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';
import { quoted } from './wording.js';

/** A Create of a number that exists fails: the platform does not create a number twice. */
export function numberExists({ snapshot }: LiveData): Rule {
  return {
    local: true,
    codes: ['number-exists'],
    row(row, ctx) {
      if (row.operation !== 'Create') return;
      const key = cleanKey(row);
      if (key === undefined) return;
      const state = snapshot.state(key);
      if (state.kind !== 'live') return;
      const values = state.live.values;
      const where = [`group ${quoted(values.GROUP_ID ?? '')}`];
      if (values.PHONE_NUMBER_SET_ID) where.push(`set ${quoted(values.PHONE_NUMBER_SET_ID)}`);
      if (values.MINIAPP_ID) where.push(`mini app ${quoted(values.MINIAPP_ID)}`);
      ctx.reportField(
        'number-exists',
        row,
        'NUMBER',
        `${row.value('NUMBER')} already exists (${where.join(', ')}), so this Create would fail. Remove the row, or write Update to change the number's fields.`,
      );
    },
  };
}
