import assert from 'node:assert/strict';
import { changedMiddle } from '@numbers-csv/shared';

describe('changedMiddle', () => {
  it('replaces only what lies between the common start and end', () => {
    assert.deepEqual(changedMiddle('a,b,c\n', 'a,B,c\n'), { start: 2, end: 3, newText: 'B' });
    assert.deepEqual(changedMiddle('same', 'same'), { start: 4, end: 4, newText: '' });
  });

  it('never cuts a CRLF or a surrogate pair in two', () => {
    const crlf = changedMiddle('a\r\nb', 'a\nb');
    assert.deepEqual(crlf, { start: 1, end: 3, newText: '\n' });
    const pair = changedMiddle('x\uD83D\uDE00', 'x\uD83D\uDE01');
    assert.deepEqual(pair, { start: 1, end: 3, newText: '\uD83D\uDE01' });
  });

  it('turns one text into the other', () => {
    for (const [before, after] of [['NUMBER,OPERATION\n1,delete\n', 'NUMBER,OPERATION\n+1,Delete\n'], ['', 'x'], ['abc', '']] as const) {
      const { start, end, newText } = changedMiddle(before, after);
      assert.equal(before.slice(0, start) + newText + before.slice(end), after);
    }
  });
});
