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
  // Positions never count a leading U+FEFF: validate reads the text without it. So edits go to the
  // text validate read, and the mark is put back in front. This is done on every pass, not once:
  // a U+FEFF inside the file (two files joined) reaches the start when a fix removes what was before
  // it, and edits applied to the text with it would all land one character early on the first line.
  let prefix = '';
  let current = source;
  let applied = 0;
  let result = validate(current, settings);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = result.issues.flatMap((issue) => (issue.fixes ?? []).filter((fix) => fix.safe).slice(0, 1));
    if (fixes.length === 0) break;
    const wide = fixes.find((fix) => fix.edits.length > 1);
    const chosen: Fix[] = wide ? [wide] : fixes;
    const read = result.table.text;
    const next = applyEdits(read, chosen.flatMap((fix) => fix.edits));
    if (next === read) break;
    if (result.table.bom) prefix += '\ufeff';
    current = next;
    applied += chosen.length;
    result = validate(current, settings);
  }
  // With more than one mark moved out, the result's own positions would count all but the first.
  const issues = prefix.length > 1 ? validate(prefix + current, settings).issues : result.issues;
  return { text: prefix + current, applied, issues };
}
