import { cleanKey } from '../../plan/row-number.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';

/** A Detach of a number attached to no mini app changes nothing: the platform says "No change". */
export function notAttached({ snapshot }: LiveData): Rule {
  return {
    local: true,
    codes: ['not-attached'],
    row(row, ctx) {
      if (row.operation !== 'Detach') return;
      const key = cleanKey(row);
      if (key === undefined) return;
      const state = snapshot.state(key);
      if (state.kind !== 'live' || (state.live.values.MINIAPP_ID ?? '') !== '') return;
      const [start, end] = row.span('OPERATION');
      ctx.report({
        code: 'not-attached',
        message: `${row.value('NUMBER')} is attached to no mini app, so this Detach changes nothing. Remove the row.`,
        start,
        end,
        row: row.number,
        column: 'OPERATION',
        fixes: [{ title: 'Remove the row', safe: false, edits: [ctx.deleteRecordEdit(row.record.offset, row.record.length)] }],
      });
    },
  };
}
