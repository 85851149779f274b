import assert from 'node:assert/strict';
import { splitByLimits } from '@numbers-csv/shared';
import { check, settings } from '../helpers/issues.js';

function rows(operation: string, count: number, first: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415555${String(first + i).padStart(4, '0')},${operation}`);
}

describe('splitByLimits', () => {
  it('splits into files that each respect every limit, keeping the order of rows', () => {
    const body = [...rows('Detach', 5, 0), ...rows('Delete', 3, 100), ...rows('Detach', 2, 200)];
    const text = `NUMBER,OPERATION\r\n${body.join('\r\n')}\r\n`;
    const limits = settings({ limits: { Detach: 3 } });
    const result = splitByLimits(text, limits);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.parts.map((part) => [part.counts.Detach, part.counts.Delete]), [[3, 3], [3, 0], [1, 0]]);
    for (const part of result.parts) {
      assert.ok(part.text.startsWith('NUMBER,OPERATION\r\n'));
      assert.deepEqual(check(part.text, { limits: { Detach: 3 } }).issues, []);
    }
    const rejoined = result.parts.flatMap((part) => part.text.trim().split('\r\n').slice(1));
    assert.deepEqual([...rejoined].sort(), [...body].sort());
    assert.deepEqual(result.parts[0]?.text.trim().split('\r\n').slice(1), [...body.slice(0, 3), ...body.slice(5, 8)]);
  });

  it('does not split Deletes unless asked', () => {
    const text = `NUMBER,OPERATION\n${rows('Delete', 12, 0).join('\n')}\n`;
    const refused = splitByLimits(text, settings());
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.match(refused.reason, /12 Delete rows.*--allow-delete-split/);
    const allowed = splitByLimits(text, settings(), { allowDeleteSplit: true });
    assert.ok(allowed.ok);
    if (allowed.ok) assert.deepEqual(allowed.parts.map((part) => part.counts.Delete), [10, 2]);
  });

  it('refuses a file with other errors, so that no mistake is spread over several files', () => {
    const result = splitByLimits('NUMBER,OPERATION\n1.4E+10,Delete\n', settings());
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.issues.map((issue) => issue.code), ['number-scientific']);
  });
});

describe('splitByLimits refusing Deletes', () => {
  it('lists only the Delete limit as what is in the way', () => {
    const text = `NUMBER,OPERATION\n${[...rows('Delete', 12, 0), ...rows('Detach', 101, 100)].join('\n')}\n`;
    const refused = splitByLimits(text, settings());
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.deepEqual(refused.issues.map((issue) => issue.row), [11]);
  });
});
