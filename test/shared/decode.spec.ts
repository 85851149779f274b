import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decode, validateBytes } from '@numbers-csv/shared';

const TEXT = 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,Café 😀\n';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  // The byte order mark, written in the file's own order.
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + 2 * i] = first;
    bytes[3 + 2 * i] = second;
  }
  return bytes;
}

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

describe('decode', () => {
  it('reads UTF-8 without a byte order mark', () => {
    assert.deepEqual(decode(utf8(TEXT)), { text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte order mark, keeping it as U+FEFF', () => {
    assert.deepEqual(decode(concat([0xef, 0xbb, 0xbf], utf8(TEXT))), { text: `\uFEFF${TEXT}`, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 little-endian with a byte order mark', () => {
    assert.deepEqual(decode(utf16(TEXT, 'le')), { text: `\uFEFF${TEXT}`, encoding: 'utf-16le' });
  });

  it('reads UTF-16 big-endian with a byte order mark', () => {
    assert.deepEqual(decode(utf16(TEXT, 'be')), { text: `\uFEFF${TEXT}`, encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    // 0xE9 is é; 0x80 (€) and 0x93/0x94 (curly quotes) are where Windows-1252 differs from Latin-1.
    const bytes = concat(utf8('NUMBER,NOTE\n+14155550101,Caf'), [0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x61, 0x94], utf8('\n'));
    assert.deepEqual(decode(bytes), { text: 'NUMBER,NOTE\n+14155550101,Café €5 “a”\n', encoding: 'windows-1252' });
  });

  it('maps 0x80-0x9F as Windows-1252 does, not as Latin-1 controls', () => {
    // Regression: Node's TextDecoder reads windows-1252 as Latin-1 since 20.18.3 (nodejs/node#60888).
    const expected = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const decoded = decode(bytes);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.deepEqual([...decoded.text].map((c) => c.codePointAt(0)), expected);
    // Latin-1 letters above 0x9F are the same in both.
    assert.equal(decode(Uint8Array.from([0xe9, 0xff, 0xa0])).text, 'éÿ\u00a0');
  });

  it('reads no bytes as empty UTF-8', () => {
    assert.deepEqual(decode(new Uint8Array()), { text: '', encoding: 'utf-8' });
  });

  it('round-trips any text through UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // A text that itself starts with U+FEFF is, as bytes, UTF-8 with a byte order mark.
        assert.deepEqual(decode(utf8(text)), { text, encoding: text.startsWith('\uFEFF') ? 'utf-8-bom' : 'utf-8' });
        assert.deepEqual(decode(utf16(text, 'le')), { text: `\uFEFF${text}`, encoding: 'utf-16le' });
        assert.deepEqual(decode(utf16(text, 'be')), { text: `\uFEFF${text}`, encoding: 'utf-16be' });
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateBytes', () => {
  const VALID = 'NUMBER,OPERATION\n+14155550101,Delete\n';
  const codes = (bytes: Uint8Array) => validateBytes(bytes).issues.map((issue) => issue.code);

  it('says nothing about the encoding of UTF-8, with or without a byte order mark', () => {
    assert.equal(validateBytes(utf8(VALID)).encoding, 'utf-8');
    assert.deepEqual(codes(utf8(VALID)), []);
    assert.equal(validateBytes(concat([0xef, 0xbb, 0xbf], utf8(VALID))).encoding, 'utf-8-bom');
    assert.ok(!codes(concat([0xef, 0xbb, 0xbf], utf8(VALID))).includes('encoding'));
  });

  for (const [name, bytes, encoding] of [
    ['UTF-16 LE', utf16(VALID, 'le'), 'utf-16le'],
    ['UTF-16 BE', utf16(VALID, 'be'), 'utf-16be'],
    ['Windows-1252', concat(utf8('NUMBER,OPERATION,NOTE\n+14155550101,Delete,Caf'), [0xe9], utf8('\n')), 'windows-1252'],
  ] as const) {
    it(`warns once, at the start, that ${name} is not UTF-8`, () => {
      const result = validateBytes(bytes);
      assert.equal(result.encoding, encoding);
      const warnings = result.issues.filter((issue) => issue.code === 'encoding');
      assert.equal(warnings.length, 1);
      const [warning] = warnings;
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      // The file is read as its encoding says, so nothing else is wrong with it.
      assert.deepEqual(codes(bytes).filter((code) => code !== 'encoding'), []);
    });
  }
});
