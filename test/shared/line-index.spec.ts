import assert from 'node:assert/strict';
import fc from 'fast-check';
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

describe('LineIndex after an edit', () => {
  const piece = fc.constantFrom('a', 'b', ',', '\n', '\r', '\r\n');
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('places every offset as an index of the edited text made from scratch does', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 6 }), text, fc.nat(), (before, at, removed, inserted, asked) => {
        const start = at % (before.length + 1);
        const end = Math.min(before.length, start + removed);
        const after = before.slice(0, start) + inserted + before.slice(end);
        const old = new LineIndex(before);
        // Asked about some place first, as an editor would have: the old index knows lines up to it.
        old.positionAt(asked % (before.length + 1));
        const edited = LineIndex.edited(old, after, start, end, inserted);
        const fresh = new LineIndex(after);
        for (let offset = 0; offset <= after.length; offset++) assert.deepEqual(edited.positionAt(offset), fresh.positionAt(offset), `offset ${offset}`);
        assert.equal(edited.lineCount, fresh.lineCount);
      }),
      { numRuns: 1000 },
    );
  });
});
