import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, check, csv } from '../../helpers/issues.js';

describe('LOCALE and COUNTRY values', () => {
  const attach = (locale: string, country = 'US') => csv`
    NUMBER,OPERATION,MINIAPP_ID,LOCALE,COUNTRY
    +14155550101,Attach,app.one,${locale},${country}
  `;

  it('accepts canonical BCP 47 tags', () => {
    for (const locale of ['en-US', 'fr', 'zh-Hant-TW', 'es-419']) assert.deepEqual(check(attach(locale)).issues, [], locale);
  });

  it('fixes the case of a tag', () => {
    const text = attach('en-us');
    const issue = assertIssue(check(text), 'locale-case', { line: 2, column: 29, endColumn: 34, field: 'LOCALE', severity: 'warning' });
    assert.equal(applyFix(text, issue), attach('en-US'));
  });

  it('turns an underscore tag into BCP 47', () => {
    const text = attach('en_US');
    const issue = assertIssue(check(text), 'invalid-locale', { line: 2, column: 29, severity: 'error' });
    assert.equal(issue.fixes?.[0]?.safe, true);
    assert.equal(applyFix(text, issue), attach('en-US'));
  });

  it('refuses a tag whose language does not exist', () => {
    const issue = assertIssue(check(attach('xx-US')), 'invalid-locale', { line: 2, column: 29 });
    assert.equal(issue.fixes, undefined);
    assertIssue(check(attach('english')), 'invalid-locale', { line: 2, column: 29 });
  });

  it('wants COUNTRY as two capital letters from ISO 3166-1', () => {
    const text = attach('en-US', 'us');
    const issue = assertIssue(check(text), 'invalid-country', { line: 2, column: 35, field: 'COUNTRY', severity: 'warning' });
    assert.equal(applyFix(text, issue), attach('en-US', 'US'));
    const unknown = assertIssue(check(attach('en-US', 'UK')), 'invalid-country', { line: 2, column: 35, message: /not an ISO 3166-1 alpha-2/ });
    assert.equal(unknown.fixes, undefined);
  });
});
