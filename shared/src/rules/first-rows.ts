import { e164Value } from '../domain/phone.js';
import type { CsvRecord } from '../table.js';

/** A row whose number an earlier row already has. */
export interface RepeatedRow {
  record: CsvRecord;
  first: CsvRecord;
}

/**
 * Which rows share a number key. E.164 keys (nearly all of them, in an export) are kept as numbers,
 * side by side in typed arrays, and found again by one sort at the end: a 15-digit number is exact in
 * a double, and on 100,000 rows the sort costs a fraction of a look-up per row, which misses the
 * processor's caches every time once the table outgrows them. Any other key goes to a Map.
 *
 * An editor also removes rows. The first removal moves every key into maps of rows per key, which
 * then follow each edit at the cost of the rows it touched. A key's one row is kept as itself, not in
 * an array of one: on an export, 100,000 such arrays would be a fifth of what the open file holds.
 */
export class FirstRows {
  private keys = new Float64Array(1024);
  private records: CsvRecord[] = [];
  private readonly others = new Map<string, Rows>();
  /** Set once rows are removed: every numeric key, with its rows. */
  private numbers: Map<number, Rows> | undefined;
  /** Keys with more than one row, once rows are removed. */
  private readonly shared = new Set<number | string>();

  add(key: string, record: CsvRecord): void {
    const value = e164Value(key);
    if (value !== 0) return this.addNumber(value, record);
    this.addTo(this.others, key, record);
  }

  /** As `add`, for a key already read with `e164Value` (not 0). */
  addNumber(value: number, record: CsvRecord): void {
    if (this.numbers) return this.addTo(this.numbers, value, record);
    const size = this.records.length;
    if (size === this.keys.length) {
      const keys = new Float64Array(size * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[size] = value;
    this.records.push(record);
  }

  remove(key: string, record: CsvRecord): void {
    const value = e164Value(key);
    if (value !== 0) this.removeFrom(this.byNumber(), value, record);
    else this.removeFrom(this.others, key, record);
  }

  /** Every row whose key an earlier row has, in row order. */
  repeated(): RepeatedRow[] {
    const repeated: RepeatedRow[] = [];
    const collect = (rows: Rows | undefined) => {
      if (!Array.isArray(rows)) return;
      const [first, ...later] = [...rows].sort((a, b) => a.index - b.index);
      for (const record of later) repeated.push({ record, first: first as CsvRecord });
    };
    if (this.numbers) {
      for (const key of this.shared) collect(typeof key === 'number' ? this.numbers.get(key) : this.others.get(key));
    } else {
      for (const rows of this.others.values()) collect(rows);
      for (const records of this.repeatedNumbers()) collect(records);
    }
    return repeated.sort((a, b) => a.record.index - b.record.index);
  }

  private repeatedNumbers(): Rows[] {
    const keys = this.keys.subarray(0, this.records.length);
    const sorted = keys.slice().sort();
    const twice = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as number);
    if (twice.size === 0) return [];
    const groups = new Map<number, Rows>();
    keys.forEach((key, i) => {
      if (twice.has(key)) this.addTo(groups, key, this.records[i] as CsvRecord);
    });
    return [...groups.values()];
  }

  private byNumber(): Map<number, Rows> {
    if (this.numbers) return this.numbers;
    const numbers = new Map<number, Rows>();
    this.numbers = numbers;
    this.records.forEach((record, i) => this.addTo(numbers, this.keys[i] as number, record));
    for (const [key, rows] of this.others) if (Array.isArray(rows)) this.shared.add(key);
    this.keys = new Float64Array(0);
    this.records = [];
    return numbers;
  }

  private addTo<K extends number | string>(map: Map<K, Rows>, key: K, record: CsvRecord): void {
    const rows = map.get(key);
    if (!rows) map.set(key, record);
    else if (Array.isArray(rows)) rows.push(record);
    else map.set(key, [rows, record]);
    if (rows && this.numbers) this.shared.add(key);
  }

  private removeFrom<K extends number | string>(map: Map<K, Rows>, key: K, record: CsvRecord): void {
    const rows = map.get(key);
    if (rows === record) {
      map.delete(key);
      return;
    }
    const at = Array.isArray(rows) ? rows.indexOf(record) : -1;
    if (!Array.isArray(rows) || at === -1) return;
    rows.splice(at, 1);
    if (rows.length === 1) {
      map.set(key, rows[0] as CsvRecord);
      this.shared.delete(key);
    }
  }
}

/** The rows of one key: the row itself while it is the only one. */
type Rows = CsvRecord | CsvRecord[];
