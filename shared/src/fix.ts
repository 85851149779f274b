import type { Fix, Issue } from './issue.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { applyEdits } from './text/apply-edits.js';
import { validate } from './validate.js';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
  /** What is left after fixing, found by validating the result. */
  issues: Issue[];
}

/** Enough for one fix to make room for another several times over; a fix that does not settle stops here. */
const MAX_PASSES = 20;

/**
 * Applies every safe fix, then validates again and repeats, because one fix can make another
 * possible (a file rewritten with commas, then its values). A fix with several edits (a column added
 * on every row) is applied alone in its pass, so that no other edit can cut it in half.
 */
export function fixAll(source: string, settings: Settings = DEFAULT_SETTINGS): FixAllResult {
  // Positions never count a byte order mark; it is put back in front of the result.
  const bom = source.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = bom ? source.slice(1) : source;
  let current = text;
  let applied = 0;
  let { issues } = validate(current, settings);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = issues.flatMap((issue) => (issue.fixes ?? []).filter((fix) => fix.safe).slice(0, 1));
    if (fixes.length === 0) break;
    const wide = fixes.find((fix) => fix.edits.length > 1);
    const chosen: Fix[] = wide ? [wide] : fixes;
    const next = applyEdits(current, chosen.flatMap((fix) => fix.edits));
    if (next === current) break;
    current = next;
    applied += chosen.length;
    ({ issues } = validate(current, settings));
  }
  return { text: bom + current, applied, issues };
}
