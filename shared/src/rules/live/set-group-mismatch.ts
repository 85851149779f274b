import { setMismatch } from '../../plan/live-row.js';
import { cleanKey } from '../../plan/row-number.js';
import type { Rule } from '../rule.js';
import type { LiveData } from './live-data.js';
import { listed, quoted } from './wording.js';

/** A number's set must belong to the number's group; the platform refuses a set of another group. */
export function setGroupMismatch({ snapshot }: LiveData): Rule {
  return {
    local: true,
    codes: ['set-group-mismatch'],
    row(row, ctx) {
      const key = cleanKey(row);
      if (key === undefined) return;
      const mismatch = setMismatch(row, snapshot.state(key), snapshot);
      if (!mismatch) return;
      const { set, setGroups, numberGroup } = mismatch;
      const number = row.value('NUMBER');
      const whose = row.operation === 'Create' ? `this Create puts ${number} in group ${quoted(numberGroup)} (GROUP_ID)` : `${number} is in group ${quoted(numberGroup)}`;
      const sets = snapshot.setsOf(numberGroup);
      const choose = sets.length > 0 ? `Choose a set of group ${quoted(numberGroup)} (the export shows ${listed(sets)})` : `The export shows no set in group ${quoted(numberGroup)}: create one there first`;
      ctx.reportField(
        'set-group-mismatch',
        row,
        'PHONE_NUMBER_SET_ID',
        `Set ${quoted(set)} is in group ${listed(setGroups.map(quoted))}, but ${whose}, so the platform would fail this row. ${choose}, or leave PHONE_NUMBER_SET_ID empty.`,
      );
    },
  };
}
