import { EFFECT_WORDS, type Change, type Effect, type Plan, type PlannedRow, type Reconciliation, type RowResult } from '@numbers-csv/shared';
import { plain, type Paint } from './colour.js';
import { plural } from './text.js';


/**
 * A plan as a table, a row per line and a line per changed field under it, then a summary:
 *
 *   row  number         operation  effect
 *     2  +14155550111   Update     update
 *                                    NOTE         (empty) → Support line
 */
export function formatPlan(plan: Plan, paint: Paint = plain): string {
  const lines: string[] = [];
  if (plan.blocked.length > 0) {
    lines.push(paint('error', 'The platform would refuse the whole file; no row would run:'));
    for (const issue of plan.blocked) lines.push(`  ${issue.message} [${issue.code}]`);
    lines.push('');
  }
  const table = [['row', 'number', 'operation', 'effect'], ...plan.rows.map((row) => [String(row.row), row.number, row.operation ?? '?', EFFECT_WORDS[row.effect]])];
  const widths = columnWidths(table);
  const indent = ' '.repeat(widths.slice(0, 3).reduce((sum, width) => sum + width + 2, 0) + 2);
  lines.push(aligned(table[0] as string[], widths, true));
  plan.rows.forEach((row, i) => {
    const cells = table[i + 1] as string[];
    const text = aligned(cells, widths, true);
    lines.push(row.effect === 'fail' ? paint('error', text) : text);
    for (const line of rowDetails(row)) lines.push(`${indent}${line}`);
  });
  lines.push('', planSummary(plan, paint));
  return `${lines.join('\n')}\n`;
}

function rowDetails(row: PlannedRow): string[] {
  if (row.reason) return [`${row.reason.message} [${row.reason.code}]`];
  const shown = row.changes.filter((change) => !change.derived);
  const width = Math.max(0, ...shown.map((change) => change.column.length));
  return shown.map((change) => `${change.column.padEnd(width)}  ${describeChange(change)}`);
}

function describeChange(change: Change): string {
  return `${shownValue(change.before)} → ${shownValue(change.after)}`;
}

function shownValue(value: string): string {
  return value === '' ? '(empty)' : value;
}

/** `5 rows: 1 create, 1 update, ...; 0 will fail. Groups touched: ocp (an OWNER of each must apply it).` */
export function planSummary(plan: Plan, paint: Paint = plain): string {
  const { effects, failingRows } = plan.summary;
  const parts = (Object.keys(EFFECT_WORDS) as Effect[]).filter((effect) => effect !== 'fail' && effects[effect] > 0).map((effect) => `${effects[effect]} ${EFFECT_WORDS[effect]}`);
  const failing = failingRows.length === 0 ? 'none will fail' : paint('error', `${failingRows.length} will fail (row${failingRows.length > 1 ? 's' : ''} ${failingRows.join(', ')})`);
  const groups = plan.groups.length === 0 ? '' : ` Groups touched: ${plan.groups.join(', ')}; applying takes the OWNER role in each.`;
  return `${plural(plan.rows.length, 'row')}: ${[...parts, failing].join(', ')}.${groups}`;
}

/** The platform's answer, a row per line: what it did with each. */
export function formatResults(results: readonly RowResult[], paint: Paint = plain): string {
  const table = [['row', 'number', 'operation', 'result', 'message'], ...results.map((result) => [String(result.row), result.number, result.operation, result.status, result.message])];
  const widths = columnWidths(table);
  return `${table.map((cells, i) => {
    const text = aligned(cells, widths, true);
    return i > 0 && cells[3] === 'FAILED' ? paint('error', text) : text;
  }).join('\n')}\n`;
}

/** Which rows took effect, after an answer that never came. */
export function formatReconciliation(reconciliation: Reconciliation, paint: Paint = plain): string {
  const table = [['row', 'number', 'operation', 'outcome', 'what the export shows'], ...reconciliation.rows.map((row) => [String(row.row), row.number, row.operation ?? '?', row.outcome, row.detail])];
  const widths = columnWidths(table);
  const { applied, unclear } = reconciliation.summary;
  const notApplied = reconciliation.summary['not-applied'];
  const summary = `${applied} applied, ${notApplied} not applied, ${unclear} unclear.`;
  return `${table.map((cells, i) => {
    const text = aligned(cells, widths, true);
    return i > 0 && cells[3] !== 'applied' ? paint('warning', text) : text;
  }).join('\n')}\n\n${summary}\n`;
}

function columnWidths(table: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const cells of table) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return widths;
}

/** Cells padded to their column; the first (a row number) to the right; the last left as it is. */
function aligned(cells: readonly string[], widths: readonly number[], numberFirst: boolean): string {
  return `  ${cells
    .map((cell, i) => (i === cells.length - 1 ? cell : numberFirst && i === 0 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
    .join('  ')}`.trimEnd();
}
