import assert from 'node:assert/strict';
import dedent from 'dedent';
import { parseSettings, validate, type Issue, type IssueCode, type SettingsInput, type ValidationResult } from '@numbers-csv/shared';

/** A CSV from an indented template literal: common indentation and the first line break removed. */
export function csv(strings: TemplateStringsArray, ...values: unknown[]): string {
  return `${dedent(strings, ...values)}\n`;
}

/** Settings from a partial object, failing the test if the object is not valid settings. */
export function settings(input: SettingsInput = {}) {
  const result = parseSettings(input);
  assert.deepEqual(result.problems, [], 'test settings are invalid');
  return result.settings;
}

export function check(text: string, input: SettingsInput = {}): ValidationResult {
  return validate(text, settings(input));
}

export interface Expected {
  /** 1-based, as an editor shows it. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  row?: number;
  field?: string;
  severity?: Issue['severity'];
  message?: RegExp;
}

/** Finds the one issue with `code` at `line:column` (1-based) and checks what else is given. */
export function assertIssue(result: ValidationResult | Issue[], code: IssueCode, expected: Expected): Issue {
  const issues = Array.isArray(result) ? result : result.issues;
  const at = issues.filter((issue) => issue.code === code && issue.range.start.line + 1 === expected.line && issue.range.start.character + 1 === expected.column);
  assert.equal(at.length, 1, `expected one ${code} at ${expected.line}:${expected.column}; got:\n${describe(issues)}`);
  const issue = at[0] as Issue;
  if (expected.endLine !== undefined) assert.equal(issue.range.end.line + 1, expected.endLine, 'end line');
  if (expected.endColumn !== undefined) assert.equal(issue.range.end.character + 1, expected.endColumn, 'end column');
  if (expected.row !== undefined) assert.equal(issue.row, expected.row, 'row');
  if (expected.field !== undefined) assert.equal(issue.column, expected.field, 'field');
  if (expected.severity !== undefined) assert.equal(issue.severity, expected.severity, 'severity');
  if (expected.message !== undefined) assert.match(issue.message, expected.message);
  return issue;
}

export function assertNoIssue(result: ValidationResult | Issue[], code: IssueCode): void {
  const issues = (Array.isArray(result) ? result : result.issues).filter((issue) => issue.code === code);
  assert.equal(issues.length, 0, `expected no ${code}; got:\n${describe(issues)}`);
}

export function assertClean(result: ValidationResult): void {
  assert.equal(result.issues.length, 0, `expected no issues; got:\n${describe(result.issues)}`);
}

export function describe(issues: readonly Issue[]): string {
  return issues.map((issue) => `  ${issue.range.start.line + 1}:${issue.range.start.character + 1} ${issue.severity} ${issue.code}: ${issue.message}`).join('\n') || '  (none)';
}
