import assert from 'node:assert/strict';
import { parseRetryAfter } from '@numbers-csv/shared';

describe('api: Retry-After', () => {
  const now = Date.parse('2015-10-21T07:27:30Z');

  it('reads delta-seconds, trimmed, and takes the first of repeated headers', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(' 5 ', now), 5);
    assert.equal(parseRetryAfter(['7', '9'], now), 7);
  });

  it('reads the three HTTP date forms as GMT, in whole seconds from now', () => {
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now), 30);
    assert.equal(parseRetryAfter('Wednesday, 21-Oct-15 07:28:00 GMT', now), 30);
    // asctime has no zone: it must not be read in the machine's local time.
    assert.equal(parseRetryAfter('Wed Oct 21 07:28:00 2015', now), 30);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:27:30 GMT', now + 200), 0);
  });

  it('gives 0 for a date already past, never a negative wait', () => {
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now), 0);
  });

  it('treats what it cannot read as absent', () => {
    for (const value of [undefined, '', '  ', '-1', '1.5', 'soon', '5s', 'Someday, 99 Foo 2015']) {
      assert.equal(parseRetryAfter(value, now), undefined, String(value));
    }
  });
});
