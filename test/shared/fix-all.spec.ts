import assert from 'node:assert/strict';
import { fixAll } from '@numbers-csv/shared';
import { check, csv, settings } from '../helpers/issues.js';

describe('fixAll', () => {
  it('applies every safe fix, over as many passes as fixes make possible', () => {
    const text = 'NUMBER;OPERATION;MINIAPP_ID;Locale\n14155550101 ;attach;app.one;en-us\n;;;\n';
    const result = fixAll(text, settings());
    assert.equal(result.text, 'NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,app.one,en-US\n');
    assert.deepEqual(result.issues, []);
    assert.ok(result.applied >= 6, `applied ${result.applied}`);
  });

  it('leaves what needs a person, and reports it', () => {
    const text = csv`
      NUMBER,OPERATION
      1.41555E+10,Delet
    `;
    const result = fixAll(text, settings());
    assert.equal(result.text, text);
    assert.deepEqual(result.issues.map((issue) => issue.code).sort(), ['number-scientific', 'unknown-operation']);
  });

  it('returns a clean file unchanged', () => {
    const text = 'NUMBER,OPERATION\n+14155550101,Delete\n';
    assert.deepEqual(fixAll(text, settings()), { text, applied: 0, issues: [] });
  });

  it('adds a missing column in its own pass, with every row', () => {
    const text = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE\n+14155550101,Update,app,,,  \n';
    const result = fixAll(text, settings());
    assert.equal(result.text, 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE\n+14155550101,Update,app,,,,\n');
    assert.deepEqual(check(result.text).issues, []);
  });
});
