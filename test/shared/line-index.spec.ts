import assert from 'node:assert/strict';
import { LineIndex } from '@numbers-csv/shared';

describe('LineIndex', () => {
  const lines = new LineIndex('ab\r\ncd\nef\rgh');

  it('maps positions to offsets across CRLF, LF and a lone CR', () => {
    assert.deepEqual([0, 1, 2, 3].map((line) => lines.offsetAt({ line, character: 1 })), [1, 5, 8, 11]);
    assert.deepEqual([0, 4, 7, 10, 12].map((offset) => lines.positionAt(offset)), [
      { line: 0, character: 0 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
      { line: 3, character: 2 },
    ]);
  });

  it('reads a character past the end of a line as the end of that line, as LSP says', () => {
    assert.deepEqual([0, 1, 2, 3].map((line) => lines.offsetAt({ line, character: 99 })), [2, 6, 9, 12]);
  });

  it('reads a line past the end as the end of the text', () => {
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 12);
  });
});
