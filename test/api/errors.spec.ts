import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as shared from '@numbers-csv/shared';
import { API_ERROR_KINDS, NumbersApiError } from '@numbers-csv/shared';

/** The catalogue of error kinds, the classes, and the README's table must agree. */
describe('api: error catalogue', () => {
  const readme = readFileSync(new URL('../../../shared/src/api/README.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| `(\w+)` \|/gm)].map((match) => ({ kind: match[1], className: match[2] }));

  it('documents every kind once, with its class', () => {
    assert.deepEqual(
      rows.map((row) => row.kind),
      [...API_ERROR_KINDS],
    );
  });

  it('exports each documented class, a NumbersApiError of that kind', () => {
    const exported = shared as unknown as Record<string, unknown>;
    for (const { kind, className } of rows) {
      const Class = exported[className ?? ''];
      assert.equal(typeof Class, 'function', `${className} is exported`);
      const error: unknown = Reflect.construct(Class as new (...args: unknown[]) => unknown, ['a message', { status: 418 }, undefined, undefined]);
      assert.ok(error instanceof NumbersApiError, className);
      assert.equal(error.kind, kind);
      assert.equal(error.name, className);
      assert.equal(error.status, 418);
    }
  });
});
