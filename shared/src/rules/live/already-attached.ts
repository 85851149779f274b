import { cleanKey } from '../../plan/row-number.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';
import { quoted } from './wording.js';

/**
 * An Attach to the mini app the number already has. With the same LOCALE it changes nothing; with
 * another it only changes the locale, which the author may not have meant.
 */
export function alreadyAttached({ snapshot }: LiveData): Rule {
  return {
    local: true,
    codes: ['already-attached'],
    row(row, ctx) {
      if (row.operation !== 'Attach') return;
      const key = cleanKey(row);
      const app = row.value('MINIAPP_ID');
      if (key === undefined || app === '') return;
      const state = snapshot.state(key);
      if (state.kind !== 'live' || state.live.values.MINIAPP_ID !== app) return;
      const number = row.value('NUMBER');
      const liveLocale = state.live.values.LOCALE ?? '';
      const locale = row.value('LOCALE');
      if (locale === '' || locale === liveLocale) {
        const [start, end] = row.span('MINIAPP_ID');
        const remove = ctx.deleteRecordEdit(row.record.offset, row.record.length);
        ctx.report({
          code: 'already-attached',
          message: `${number} is already attached to ${quoted(app)} with locale ${quoted(liveLocale)}, so this Attach changes nothing. Remove the row.`,
          start,
          end,
          row: row.number,
          column: 'MINIAPP_ID',
          fixes: [{ title: 'Remove the row', safe: false, edits: [remove] }],
        });
        return;
      }
      ctx.reportField(
        'already-attached',
        row,
        'MINIAPP_ID',
        `${number} is already attached to ${quoted(app)}; this Attach only changes LOCALE from ${quoted(liveLocale)} to ${quoted(locale)}. If that is what you mean, an Update says so plainly; otherwise remove the row.`,
      );
    },
  };
}
