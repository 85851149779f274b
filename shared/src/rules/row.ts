import type { ColumnName } from '../domain/columns.js';
import type { Operation } from '../domain/operations.js';
import { trimmed } from '../domain/cells.js';
import { fieldSpan, type CsvRecord, type Header } from '../table.js';

/** A data row as rules see it: values by column name, and where each field stands. */
export class Row {
  constructor(
    readonly record: CsvRecord,
    /** The record's values: its own, or read again when it released them. */
    readonly values: readonly string[],
    private readonly header: Header,
    /** The operation the row names, matched ignoring case; undefined when it names none. */
    readonly operation: Operation | undefined,
  ) {}

  /** 1-based data row number: records after the header, blank ones included. */
  get number(): number {
    return this.record.index - this.header.record.index;
  }

  /** The raw value, or undefined when the header has no such column or the row is too short. */
  raw(column: ColumnName): string | undefined {
    const index = this.header.columns[column];
    return index === undefined ? undefined : this.values[index];
  }

  /** The value without surrounding spaces ('' when absent), which is what the platform would see. */
  value(column: ColumnName): string {
    return trimmed(this.raw(column) ?? '');
  }

  /** Absolute start and end of the column's field; an absent field is placed at the end of the row. */
  span(column: ColumnName): [number, number] {
    const index = this.header.columns[column];
    return index === undefined ? this.endSpan() : this.fieldSpan(index);
  }

  fieldSpan(index: number): [number, number] {
    return fieldSpan(this.record, index, this.values) ?? this.endSpan();
  }

  private endSpan(): [number, number] {
    const end = this.record.offset + this.record.length;
    return [end, end];
  }
}
