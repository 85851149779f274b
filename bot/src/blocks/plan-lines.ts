import { EFFECT_WORDS, EFFECTS, type Effect, type Plan, type PlannedRow } from '@numbers-csv/shared';
import { escapeMrkdwn, literal } from './text.js';



/** One field's change, as the plan or a digest of it has it. */
export interface FieldChange {
  readonly column: string;
  readonly before: string;
  readonly after: string;
  readonly derived?: true;
}

/** Effects that change a number: what an approval sends and the confirm dialog counts. */
export const CHANGING_EFFECTS: readonly Effect[] = ['create', 'update', 'attach', 'detach', 'delete'];

export function isChange(effect: Effect): boolean {
  return CHANGING_EFFECTS.includes(effect);
}

/** Rows that change a number, by the plan. */
export function changeCount(plan: Plan): number {
  return CHANGING_EFFECTS.reduce((sum, effect) => sum + plan.summary.effects[effect], 0);
}

/** `3 create · 5 update · 2 will fail`: the effects that occur, in the core's order. */
export function effectCounts(plan: Plan): string {
  const parts = EFFECTS.filter((effect) => plan.summary.effects[effect] > 0).map((effect) => `${plan.summary.effects[effect].toLocaleString('en-US')} ${EFFECT_WORDS[effect]}`);
  return parts.length > 0 ? parts.join(' · ') : 'no rows';
}

/**
 * What a row does to its number: `FIELD before → after` per field it writes. The mini app's
 * description follows MINIAPP_ID; it is mentioned, not listed, to keep the line short.
 */
export function changesText(row: { effect: Effect; changes: readonly FieldChange[] }): string {
  const own = row.changes.filter((change) => !change.derived);
  const derived = own.length < row.changes.length ? ' (and the mini app description with it)' : '';
  switch (row.effect) {
    case 'delete':
      return 'deleted';
    case 'create':
      return `created${own.length > 0 ? ` with ${own.map((change) => `${change.column} ${literal(change.after)}`).join(', ')}` : ''}`;
    case 'no-op':
      return 'no change';
    case 'fail':
      return 'will fail';
    case 'unknown':
      return 'not checked against live data';
    default:
      return `${own.map((change) => `${change.column} ${literal(change.before)} → ${literal(change.after)}`).join('; ')}${derived}`;
  }
}

/** `• \`+14155550101\` (row 3): NOTE \`a\` → \`b\``. */
export function changeLine(row: PlannedRow): string {
  return `• ${literal(row.number || '(no number)')} (row ${row.row}): ${changesText(row)}`;
}

/** `• row 4 \`+14155550199\`: message [code]`. */
export function failLine(row: PlannedRow): string {
  const reason = row.reason ? `${escapeMrkdwn(row.reason.message)} [${row.reason.code}]` : 'refused';
  return `• row ${row.row} ${literal(row.number || '(no number)')}: ${reason}`;
}
