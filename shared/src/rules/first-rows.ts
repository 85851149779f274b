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
 * then follow each edit at the cost of the rows it touched.
 */
export class FirstRows {
  private keys = new Float64Array(1024);
  private records: CsvRecord[] = [];
  private readonly others = new Map<string, CsvRecord[]>();
  /** Set once rows are removed: every numeric key, with its rows. */
  private numbers: Map<number, CsvRecord[]> | undefined;
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
    const collect = (records: readonly CsvRecord[]) => {
      const [first, ...later] = [...records].sort((a, b) => a.index - b.index);
      for (const record of later) repeated.push({ record, first: first as CsvRecord });
    };
    if (this.numbers) {
      for (const key of this.shared) collect((typeof key === 'number' ? this.numbers.get(key) : this.others.get(key)) ?? []);
    } else {
      for (const records of this.others.values()) if (records.length > 1) collect(records);
      for (const records of this.repeatedNumbers()) collect(records);
    }
    return repeated.sort((a, b) => a.record.index - b.record.index);
  }

  private repeatedNumbers(): CsvRecord[][] {
    const keys = this.keys.subarray(0, this.records.length);
    const sorted = keys.slice().sort();
    const twice = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i] as number);
    if (twice.size === 0) return [];
    const groups = new Map<number, CsvRecord[]>();
    keys.forEach((key, i) => {
      if (twice.has(key)) this.addTo(groups, key, this.records[i] as CsvRecord);
    });
    return [...groups.values()];
  }

  private byNumber(): Map<number, CsvRecord[]> {
    if (this.numbers) return this.numbers;
    const numbers = new Map<number, CsvRecord[]>();
    this.numbers = numbers;
    this.records.forEach((record, i) => this.addTo(numbers, this.keys[i] as number, record));
    for (const [key, records] of this.others) if (records.length > 1) this.shared.add(key);
    this.keys = new Float64Array(0);
    this.records = [];
    return numbers;
  }

  private addTo<K extends number | string>(map: Map<K, CsvRecord[]>, key: K, record: CsvRecord): void {
    const records = map.get(key);
    if (!records) {
      map.set(key, [record]);
      return;
    }
    records.push(record);
    if (this.numbers) this.shared.add(key);
  }

  private removeFrom<K extends number | string>(map: Map<K, CsvRecord[]>, key: K, record: CsvRecord): void {
    const records = map.get(key);
    const at = records?.indexOf(record) ?? -1;
    if (!records || at === -1) return;
    records.splice(at, 1);
    if (records.length === 0) map.delete(key);
    if (records.length < 2) this.shared.delete(key);
  }
}
