import assert from 'node:assert/strict';
import { COLUMN_DOCS, KNOWN_COLUMNS, canClear, columnUse, describeColumnUse } from '@numbers-csv/shared';
import { check } from '../../helpers/issues.js';

describe('column docs', () => {
  it('describes every known column', () => {
    for (const column of KNOWN_COLUMNS) assert.ok(COLUMN_DOCS[column].length > 20, column);
  });

  it('reads how the operations use a column from the domain tables', () => {
    assert.deepEqual(columnUse('LOCALE'), { requiredBy: ['Update', 'Attach'], valueRequiredBy: ['Attach'], clearable: true, readOnly: false });
    assert.deepEqual(columnUse('PROVIDER'), { requiredBy: ['Create'], valueRequiredBy: ['Create'], clearable: false, readOnly: false });
    assert.deepEqual(describeColumnUse('GROUP_ID'), ['Required by Create.', 'Needs a value in Create rows.', '`<NULL>` cannot clear it.']);
  });

  it('lets <NULL> clear exactly the columns the null-not-allowed rule accepts it in', () => {
    for (const column of KNOWN_COLUMNS.filter((name) => name !== 'NUMBER' && name !== 'OPERATION')) {
      const result = check(`NUMBER,OPERATION,${column}\n+14155550101,Update,<NULL>\n`);
      const refused = result.issues.some((issue) => issue.code === 'null-not-allowed');
      assert.equal(canClear(column), !refused, column);
    }
    assert.equal(canClear('NUMBER'), false);
    assert.equal(canClear('OPERATION'), false);
  });
});
