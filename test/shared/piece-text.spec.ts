import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '@numbers-csv/shared';

const SEED = process.env['FC_SEED'] ?? '20261204';
if (SEED !== 'random') fc.configureGlobal({ seed: Number(SEED) });

const replacement = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.nat({ max: 12 }), text: fc.string({ maxLength: 6 }) });

describe('PieceText', () => {
  it('reads as the string that the same replacements make', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(replacement, { maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (initial, edits, probes) => {
        let expected = initial;
        let pieces = PieceText.of(initial);
        for (const edit of edits) {
          const start = Math.floor(edit.at * expected.length);
          const end = Math.min(expected.length, start + edit.removed);
          expected = expected.slice(0, start) + edit.text + expected.slice(end);
          pieces = pieces.replaced(start, end, edit.text);
        }
        assert.equal(pieces.length, expected.length);
        const [a = 0, b = 0, c = 0] = probes.map((probe) => Math.floor(probe * (expected.length + 1)));
        assert.equal(pieces.charCodeAt(a), expected.charCodeAt(a));
        assert.equal(pieces.slice(Math.min(a, b), Math.max(a, b)), expected.slice(Math.min(a, b), Math.max(a, b)));
        for (const search of ['\n', 'a', ',']) assert.equal(pieces.indexOf(search, c), expected.indexOf(search, c), `indexOf ${JSON.stringify(search)} from ${c}`);
        assert.equal(pieces.toString(), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('still reads right after more edits than it keeps pieces for', () => {
    let expected = 'NUMBER,OPERATION\n';
    let pieces = PieceText.of(expected);
    for (let i = 0; i < 1000; i++) {
      // Typing at the start and the end in turn: each edit adds pieces, until they are joined again.
      const at = i % 2 === 0 ? 0 : expected.length;
      const typed = String.fromCharCode(97 + (i % 26));
      expected = expected.slice(0, at) + typed + expected.slice(at);
      pieces = pieces.replaced(at, at, typed);
      if (i % 97 === 0) assert.equal(pieces.slice(0, 50), expected.slice(0, 50));
    }
    assert.equal(pieces.toString(), expected);
    assert.equal(pieces.indexOf('\n'), expected.indexOf('\n'));
  });

  it('answers past either end as a string does', () => {
    const text = PieceText.of('ab').replaced(1, 1, 'XY');
    assert.equal(text.toString(), 'aXYb');
    assert.ok(Number.isNaN(text.charCodeAt(4)));
    assert.ok(Number.isNaN(text.charCodeAt(-1)));
    assert.equal(text.slice(-5, 99), 'aXYb');
    assert.equal(text.indexOf('b', 99), -1);
    assert.equal(PieceText.of('abc').replaced(0, 3, '').toString(), '');
  });
});
