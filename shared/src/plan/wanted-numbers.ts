import { e164Value, numberKey } from '../domain/phone.js';
import { trimmed } from '../domain/cells.js';

/**
 * The numbers a snapshot is read for, by key (see `numberKey`). E.164 keys are kept as numbers: the
 * reader asks about each of a million export rows, and `e164Value` answers without making a string.
 */
export class WantedNumbers {
  private readonly e164 = new Set<number>();
  private readonly others = new Set<string>();

  constructor(numbers: Iterable<string>) {
    // No country is known here; `numbersInBatch` already gives keys, which stay as they are.
    for (const number of numbers) this.addKey(numberKey(trimmed(number), () => undefined));
  }

  get size(): number {
    return this.e164.size + this.others.size;
  }

  has(key: string): boolean {
    const value = e164Value(key);
    return value !== 0 ? this.e164.has(value) : this.others.has(key);
  }

  /** The same question for a value `e164Value` already read. */
  hasE164(value: number): boolean {
    return this.e164.has(value);
  }

  private addKey(key: string): void {
    if (key === '') return;
    const value = e164Value(key);
    if (value !== 0) this.e164.add(value);
    else this.others.add(key);
  }
}
