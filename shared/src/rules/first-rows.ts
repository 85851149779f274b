import { e164Value } from '../domain/phone.js';

/**
 * The first row on which each number key was seen. E.164 keys (nearly all of them, in an export) are
 * kept as numbers in an open-addressing table: a 15-digit number is exact in a double, and the table
 * costs a fraction of a string-keyed Map on 100,000 rows. Any other key goes to a Map.
 */
export class FirstRows {
  private keys = new Float64Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;
  private readonly others = new Map<string, number>();

  /** The row first seen with `key`; records `row` as the first when the key is new. */
  firstOr(key: string, row: number): number {
    const value = e164Value(key);
    if (value !== 0) return this.firstOrNumber(value, row);
    const earlier = this.others.get(key);
    if (earlier === undefined) this.others.set(key, row);
    return earlier ?? row;
  }

  /** As `firstOr`, for a key already read with `e164Value` (not 0). */
  firstOrNumber(value: number, row: number): number {
    let slot = this.slotOf(value);
    const found = this.keys[slot] as number;
    if (found === value) return this.rows[slot] as number;
    if (2 * (this.size + 1) > this.keys.length) {
      this.grow();
      slot = this.slotOf(value);
    }
    this.keys[slot] = value;
    this.rows[slot] = row;
    this.size++;
    return row;
  }

  /** The slot holding `value`, or the empty one where it belongs. 0 marks empty: no E.164 number is 0. */
  private slotOf(value: number): number {
    const mask = this.keys.length - 1;
    const high = (value / 4294967296) >>> 0;
    let slot = Math.imul((value >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) & mask;
    for (;;) {
      const at = this.keys[slot] as number;
      if (at === 0 || at === value) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const rows = this.rows;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key === 0) continue;
      const slot = this.slotOf(key);
      this.keys[slot] = key;
      this.rows[slot] = rows[i] as number;
    }
  }
}
