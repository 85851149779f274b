import assert from 'node:assert/strict';
import { rowsAsBatch, rowsInGroup } from '@numbers-csv/shared';

describe('rows of a batch as a batch of their own', () => {
  const text = 'NUMBER,OPERATION,GROUP_ID,NOTE\r\n+14155550101,Delete,ocp,"two\r\nlines"\r\n+14155550102,Delete,ocp-uk,\r\n+14155550103,Delete, ocp ,"say ""hi"""\r\n';

  it('keeps the header and the chosen rows exactly as written, in file order, with the file’s line break', () => {
    assert.equal(rowsAsBatch(text, [3, 1, 3]), 'NUMBER,OPERATION,GROUP_ID,NOTE\r\n+14155550101,Delete,ocp,"two\r\nlines"\r\n+14155550103,Delete, ocp ,"say ""hi"""\r\n');
  });

  it('ignores rows that are not in the file', () => {
    assert.equal(rowsAsBatch(text, [9]), 'NUMBER,OPERATION,GROUP_ID,NOTE\r\n');
  });

  it('picks the rows of one group, its value read without surrounding spaces', () => {
    assert.equal(rowsInGroup(text, 'ocp'), 'NUMBER,OPERATION,GROUP_ID,NOTE\r\n+14155550101,Delete,ocp,"two\r\nlines"\r\n+14155550103,Delete, ocp ,"say ""hi"""\r\n');
    assert.equal(rowsInGroup(text, 'ocp-uk'), 'NUMBER,OPERATION,GROUP_ID,NOTE\r\n+14155550102,Delete,ocp-uk,\r\n');
  });
});
