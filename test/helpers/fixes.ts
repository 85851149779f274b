import assert from 'node:assert/strict';
import { applyEdits, type Issue } from '@numbers-csv/shared';

/** The text after applying the fix titled `title` (or the issue's only fix). */
export function applyFix(text: string, issue: Issue, title?: string): string {
  const fixes = issue.fixes ?? [];
  const fix = title === undefined ? fixes[0] : fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix ${title ?? ''} on ${issue.code}; fixes: ${fixes.map((f) => f.title).join(', ') || '(none)'}`);
  if (title === undefined) assert.equal(fixes.length, 1, `${issue.code} has several fixes; name one`);
  return applyEdits(text, fix.edits);
}
