import assert from 'node:assert/strict';
import type { NewBatch } from './store-module.js';

/** When each test's clock starts: a time with milliseconds, so a lost millisecond shows. */
export const START = new Date('2030-01-02T03:04:05.678Z');

/** A file shared in #phones by a submitter: one row moving a number to another provider. */
export function newBatch(overrides: Partial<NewBatch> = {}): NewBatch {
  return {
    fileId: 'F0MOVES',
    fileName: 'moves.numbers.csv',
    channel: 'C0PHONES',
    threadTs: '1893553445.000100',
    submitter: 'U0SUBMITTER',
    environment: 'https://numbers.example.test',
    csv: 'NUMBER,OPERATION,PROVIDER\r\n+41445550101,UPDATE,swisscom\r\n',
    groups: ['sales', 'support'],
    planDigest: { rows: 1, changes: [{ number: '+41445550101', field: 'PROVIDER', before: 'sunrise', after: 'swisscom' }] },
    expiresAt: new Date('2030-01-03T03:04:05.678Z'),
    ...overrides,
  };
}

/** A clock the test moves by hand, so every stored time is known exactly. */
export class TestClock {
  #now: number;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  /** For the store's `clock` option. */
  readonly read = (): Date => new Date(this.#now);

  get now(): Date {
    return new Date(this.#now);
  }

  advance(milliseconds: number): Date {
    this.#now += milliseconds;
    return this.now;
  }

  set(at: Date): void {
    this.#now = at.getTime();
  }
}

/** The batch a store answered with, failing the test when it answered undefined. */
export function found<T>(value: T | undefined, what = 'batch'): T {
  assert.ok(value !== undefined, `expected a ${what}, got undefined`);
  return value;
}
