import assert from 'node:assert/strict';
import { SplitPartNames } from '@numbers-csv/shared';

describe('SplitPartNames', () => {
  const names = new SplitPartNames('batch', '.numbers.csv');

  it('numbers the parts from 1, keeping the ending', () => {
    assert.deepEqual([1, 2, 10].map((number) => names.name(number)), ['batch.part-1.numbers.csv', 'batch.part-2.numbers.csv', 'batch.part-10.numbers.csv']);
  });

  it('finds the parts an earlier, longer split left, and nothing else', () => {
    const beside = ['batch.numbers.csv', 'batch.part-1.numbers.csv', 'batch.part-3.numbers.csv', 'batch.part-12.numbers.csv', 'batch.part-03.numbers.csv', 'batch.part-4.csv', 'other.part-5.numbers.csv'];
    assert.deepEqual(names.stale(beside, 2), [3, 12]);
  });
});
