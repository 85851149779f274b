import assert from 'node:assert/strict';

import { validate } from '@numbers-csv/shared';
import { MIXED } from '../cli/fixtures.js';

describe('table.dataRows', () => {
  it('counts data rows with any value, including those with an unknown operation, and skips blank ones', () => {
    const { table } = validate(MIXED);
    assert.equal(table.dataRows, 4);
    assert.equal(Object.values(table.counts).reduce((sum, count) => sum + count, 0), 3);
  });

  it('counts no rows in a file with only a header, or in an empty file', () => {
    assert.equal(validate('NUMBER,OPERATION\n').table.dataRows, 0);
    assert.equal(validate('').table.dataRows, 0);
  });
});
