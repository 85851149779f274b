import assert from 'node:assert/strict';
import { applyFix } from '../../helpers/fixes.js';
import { assertIssue, assertNoIssue, check, csv } from '../../helpers/issues.js';

describe('PROVIDER values', () => {
  it('accepts a known provider on Create', () => {
    assert.deepEqual(check(csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER
      +14155550101,Create,ocp,twilio
    `).issues, []);
  });

  it('fixes the case of a known provider safely, and guesses a typo only as a suggestion', () => {
    const text = csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER
      +14155550101,Create,ocp,Twilio
      +14155550102,Create,ocp,twillio
      +14155550103,Create,ocp,acme
    `;
    const result = check(text);
    const cased = assertIssue(result, 'unknown-provider', { line: 2, column: 25, field: 'PROVIDER', severity: 'error' });
    assert.equal(cased.fixes?.[0]?.safe, true);
    assert.equal(applyFix(text, cased), text.replace('Twilio', 'twilio'));
    const typo = assertIssue(result, 'unknown-provider', { line: 3, column: 25, message: /did you mean twilio\?/ });
    assert.equal(typo.fixes?.[0]?.safe, false);
    assertIssue(result, 'unknown-provider', { line: 4, column: 25, message: /Known: twilio\./ });
  });

  it('takes the known providers from settings', () => {
    const text = csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER
      +14155550101,Create,ocp,vonage
    `;
    assertNoIssue(check(text, { providers: ['twilio', 'vonage'] }), 'unknown-provider');
  });

  it('warns that PROVIDER is ignored outside Create, and clears it', () => {
    const text = csv`
      NUMBER,OPERATION,PROVIDER
      +14155550101,Detach,twilio
    `;
    const issue = assertIssue(check(text), 'provider-ignored', { line: 2, column: 21, severity: 'warning', message: /only by Create/ });
    assert.equal(applyFix(text, issue), 'NUMBER,OPERATION,PROVIDER\n+14155550101,Detach,\n');
  });
});
