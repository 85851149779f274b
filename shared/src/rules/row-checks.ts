import { operationNamed, zeroCounts, type OperationCounts } from '../domain/operations.js';
import type { CsvRecord, Header } from '../table.js';
import { isBlankRecord, reportBlankRow } from './blank-row.js';
import type { RuleContext } from './context.js';
import { LIVE_RULES, RULES } from './index.js';
import type { Rule } from './rule.js';
import { Row } from './row.js';

type Check = (row: Row, ctx: RuleContext) => void;

/**
 * Every rule of one validation, fed one data row at a time. A validation adds every row once; an
 * editor keeps the checks of an open document and, after an edit, removes the rows it replaced and
 * adds the new ones.
 */
export class RowChecks {
  readonly counts: OperationCounts = zeroCounts();
  /** Rows that hold a value, whatever their operation. */
  dataRows = 0;
  private readonly rules: Rule[];
  // The row checks themselves, not the rules: calling `rule.row` on ten rules of ten shapes makes the
  // property read megamorphic, a slow look-up on each of a million calls.
  private readonly localChecks: Check[];
  private readonly otherChecks: Check[];
  private readonly unrows: Check[];
  private readonly operationIndex: number | undefined;

  constructor(
    private readonly header: Header,
    ctx: RuleContext,
  ) {
    const live = ctx.live;
    this.rules = [...RULES.map((create) => create()), ...(live ? LIVE_RULES.map((create) => create(live)) : [])];
    for (const rule of this.rules) rule.header?.(ctx);
    const checks = (local: boolean) => this.rules.flatMap((rule) => (rule.row && (rule.local ?? false) === local ? [rule.row.bind(rule)] : []));
    this.localChecks = checks(true);
    this.otherChecks = checks(false);
    this.unrows = this.rules.flatMap((rule) => (rule.unrow ? [rule.unrow.bind(rule)] : []));
    this.operationIndex = header.columns.OPERATION;
  }

  /** Checks a data row; what the local rules find is reported before what any other rule does. */
  add(record: CsvRecord, ctx: RuleContext): void {
    if (isBlankRecord(record)) {
      reportBlankRow(record, record.index - this.header.record.index, ctx);
      return;
    }
    const row = this.row(record);
    this.dataRows++;
    if (row.operation) this.counts[row.operation]++;
    for (const check of this.localChecks) check(row, ctx);
    for (const check of this.otherChecks) check(row, ctx);
  }

  /** Takes back a row added before: it is no longer in the document. `values` are the record's, read again if released. */
  remove(record: CsvRecord, values: readonly string[], ctx: RuleContext): void {
    if (isBlankRecord(record)) return;
    const row = this.row(record, values);
    this.dataRows--;
    if (row.operation) this.counts[row.operation]--;
    for (const unrow of this.unrows) unrow(row, ctx);
  }

  end(ctx: RuleContext): void {
    for (const rule of this.rules) rule.end?.(ctx);
  }

  private row(record: CsvRecord, values: readonly string[] = record.values): Row {
    const operation = this.operationIndex === undefined ? undefined : operationNamed(values[this.operationIndex] ?? '');
    return new Row(record, values, this.header, operation);
  }
}
