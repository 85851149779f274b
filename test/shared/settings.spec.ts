import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, DEFAULT_SETTINGS, parseSettings } from '@numbers-csv/shared';
import { check } from '../helpers/issues.js';

describe('settings', () => {
  it('defaults to the platform limits, twilio, and both NUMBER formats', () => {
    assert.deepEqual(DEFAULT_SETTINGS.limits, DEFAULT_LIMITS);
    assert.deepEqual(DEFAULT_LIMITS, { Update: 800, Attach: 800, Detach: 100, Delete: 10, Create: 100 });
    assert.deepEqual(DEFAULT_SETTINGS.providers, ['twilio']);
    assert.deepEqual(DEFAULT_SETTINGS.numberFormats, ['e164', 'uuid']);
  });

  it('fills in what a partial object leaves out', () => {
    const { settings, problems } = parseSettings({ limits: { Delete: 5 } });
    assert.deepEqual(problems, []);
    assert.equal(settings.limits.Delete, 5);
    assert.equal(settings.limits.Update, 800);
  });

  it('names the bad key and falls back to its default only', () => {
    const { settings, problems } = parseSettings({ limits: { Delete: 'ten', Update: 50 }, providers: ['twilio', 'vonage'] });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^limits\.Delete: /);
    assert.equal(settings.limits.Delete, 10);
    assert.equal(settings.limits.Update, 50);
    assert.deepEqual(settings.providers, ['twilio', 'vonage']);
  });

  it('names unknown keys and suggests the known one', () => {
    const { problems } = parseSettings({ limit: { Delete: 5 }, limits: { delete: 3 } });
    assert.ok(problems.includes('unknown key "limit" (did you mean "limits"?)'), problems.join('\n'));
    assert.ok(problems.includes('limits: unknown key "delete" (did you mean "Delete"?)'), problems.join('\n'));
  });

  it('refuses a severity for a code that does not exist, and an unknown severity', () => {
    const { problems } = parseSettings({ severity: { 'no-such-code': 'off', whitespace: 'loud' } });
    assert.equal(problems.length, 2, problems.join('\n'));
  });

  it('treats something that is not an object as no settings at all', () => {
    const { settings, problems } = parseSettings('limits');
    assert.equal(problems.length, 1);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  });

  it('applies severity overrides, and "off" silences a code', () => {
    const text = 'NUMBER,OPERATION\n+14155550101 ,detach\n';
    const result = check(text, { severity: { whitespace: 'off', 'operation-case': 'error' } });
    assert.deepEqual(result.issues.map((issue) => [issue.code, issue.severity]), [['operation-case', 'error']]);
  });
});
