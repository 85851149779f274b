import assert from 'node:assert/strict';

import { countDataRows, validate } from '@numbers-csv/shared';
import { MIXED } from '../cli/fixtures.js';

describe('countDataRows', () => {
  it('counts data rows with any value, including those with an unknown operation, and skips blank ones', () => {
    const { table } = validate(MIXED);
    assert.equal(countDataRows(table), 4);
    assert.equal(Object.values(table.counts).reduce((sum, count) => sum + count, 0), 3);
  });

  it('counts no rows in a file with only a header, or in an empty file', () => {
    assert.equal(countDataRows(validate('NUMBER,OPERATION\n').table), 0);
    assert.equal(countDataRows(validate('').table), 0);
  });
});
