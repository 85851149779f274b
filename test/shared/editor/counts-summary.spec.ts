import assert from 'node:assert/strict';
import { countsSummary } from '@numbers-csv/shared';
import { check, csv, settings } from '../../helpers/issues.js';

describe('countsSummary', () => {
  it('lists the operations the file has against their limits, and those over them', () => {
    const limits = settings({ limits: { Delete: 1 } });
    const table = check(csv`
      NUMBER,OPERATION
      +14155550101,Delete
      +14155550102,Update
      +14155550103,delete
    `, { limits: { Delete: 1 } }).table;
    assert.deepEqual(countsSummary(table, limits), { text: 'Update 1/800 · Delete 2/1', over: ['Delete'] });
  });

  it('lists every operation and its limit while the file has none', () => {
    assert.deepEqual(countsSummary(check('NUMBER,OPERATION\n').table, settings()), {
      text: 'Create 0/100 · Update 0/800 · Attach 0/800 · Detach 0/100 · Delete 0/10',
      over: [],
    });
  });
});
