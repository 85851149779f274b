import { e164Value } from '../domain/phone.js';

/** A row whose number an earlier row already has. */
export interface RepeatedRow {
  row: number;
  first: number;
}

/**
 * Finds the rows whose number key an earlier row already has. E.164 keys (nearly all of them, in an
 * export) are kept as numbers, side by side in typed arrays, and found again by one sort at the end:
 * a 15-digit number is exact in a double, and on 100,000 rows the sort costs a fraction of a
 * look-up per row, which misses the processor's caches every time once the table outgrows them. Any
 * other key goes to a Map.
 */
export class FirstRows {
  private keys = new Float64Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;
  private readonly others = new Map<string, number>();
  private readonly repeatedOthers: RepeatedRow[] = [];

  add(key: string, row: number): void {
    const value = e164Value(key);
    if (value !== 0) return this.addNumber(value, row);
    const first = this.others.get(key);
    if (first === undefined) this.others.set(key, row);
    else this.repeatedOthers.push({ row, first });
  }

  /** As `add`, for a key already read with `e164Value` (not 0). Rows must come in ascending order. */
  addNumber(value: number, row: number): void {
    if (this.size === this.keys.length) this.grow();
    this.keys[this.size] = value;
    this.rows[this.size] = row;
    this.size++;
  }

  /** Every row whose key an earlier row has, in row order. */
  repeated(): RepeatedRow[] {
    const repeated = [...this.repeatedOthers, ...this.repeatedNumbers()];
    return repeated.sort((a, b) => a.row - b.row);
  }

  private repeatedNumbers(): RepeatedRow[] {
    const keys = this.keys.subarray(0, this.size);
    const sorted = keys.slice().sort();
    const twice = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as number);
    if (twice.size === 0) return [];
    const firstRow = new Map<number, number>();
    const repeated: RepeatedRow[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (!twice.has(key)) continue;
      const row = this.rows[i] as number;
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, row);
      else repeated.push({ row, first });
    }
    return repeated;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const rows = new Int32Array(this.rows.length * 2);
    keys.set(this.keys);
    rows.set(this.rows);
    this.keys = keys;
    this.rows = rows;
  }
}
