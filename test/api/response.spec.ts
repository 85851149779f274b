import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readApplyAnswer, readBodyText, readErrorBody } from '@numbers-csv/shared';

function chunks(...parts: (string | Uint8Array)[]): Readable {
  return Readable.from(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
}

describe('api: reading answers', () => {
  describe('body text', () => {
    it('joins chunks before decoding, so a character split between them survives', async () => {
      const euro = Buffer.from('€');
      const body = await readBodyText(chunks(Buffer.from('price: '), euro.subarray(0, 1), euro.subarray(1)), 'text/plain', 1024);
      assert.deepEqual(body, { text: 'price: €', truncated: false });
    });

    it('decodes in the charset the Content-Type names, and as UTF-8 when it names none or an unknown one', async () => {
      const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
      assert.equal((await readBodyText(chunks(latin1), 'text/plain; charset=ISO-8859-1', 1024)).text, 'café');
      assert.equal((await readBodyText(chunks('café'), 'text/plain', 1024)).text, 'café');
      assert.equal((await readBodyText(chunks('café'), 'text/plain; charset="no-such-charset"', 1024)).text, 'café');
      assert.equal((await readBodyText(chunks('café'), undefined, 1024)).text, 'café');
    });

    it('stops at the cap, says so, and releases the stream', async () => {
      const stream = chunks('0123456789', 'abcdefghij', 'never read');
      const body = await readBodyText(stream, undefined, 15);
      assert.deepEqual(body, { text: '0123456789abcde', truncated: true });
      assert.equal(stream.destroyed, true);
    });

    it('reads an empty body as empty text', async () => {
      assert.deepEqual(await readBodyText(chunks(), 'application/json', 1024), { text: '', truncated: false });
    });
  });

  describe('an apply answer', () => {
    const ours = { results: [{ row: 1, number: '+14155550110', operation: 'Create', status: 'OK', message: 'Created.' }], summary: { ok: 1, failed: 0 } };

    it('is ours when it has the contract shape', () => {
      assert.deepEqual(readApplyAnswer(JSON.stringify(ours)), { kind: 'answered', response: ours });
    });

    it('is not ours when it is plain text, another JSON shape, a row status we do not know, or empty', () => {
      const odd = [
        'OK, 3 rows processed',
        '{"status":"done"}',
        JSON.stringify({ ...ours, results: [{ ...ours.results[0], status: 'SKIPPED' }] }),
        JSON.stringify({ ...ours, results: [{ ...ours.results[0], row: 0 }] }),
        '',
        'null',
        '[]',
      ];
      for (const text of odd) assert.deepEqual(readApplyAnswer(text), { kind: 'not-our-shape' }, text);
    });
  });

  describe('an error body', () => {
    it('gives every field of a contract refusal', () => {
      const text = JSON.stringify({ error: 'limit_exceeded', message: 'Too many.', limits: [{ operation: 'Delete', count: 12, limit: 10 }] });
      assert.deepEqual(readErrorBody(text), { error: 'limit_exceeded', message: 'Too many.', limits: [{ operation: 'Delete', count: 12, limit: 10 }] });
    });

    it('keeps the good fields when one is odd', () => {
      const text = JSON.stringify({ error: 'limit_exceeded', message: 'Too many.', limits: [{ operation: 'Purge', count: 1, limit: 0 }], groups: 'ocp' });
      assert.deepEqual(readErrorBody(text), { error: 'limit_exceeded', message: 'Too many.' });
    });

    it('gives nothing for text, HTML, or JSON that is not an object', () => {
      for (const text of ['Bad Gateway', '<html><body>502</body></html>', '"oops"', '[1,2]', '', 'null']) {
        assert.deepEqual(readErrorBody(text), {}, text);
      }
    });
  });
});
