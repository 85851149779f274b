import type { Issue } from '@numbers-csv/shared';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node.js';
import { COMMANDS } from './commands.js';
import { isDiagnosticOf, SOURCE } from './diagnostics.js';
import type { ServedDocument } from './documents.js';
import { fixAllEdit } from './fix-all.js';
import { toClientRange } from './positions.js';
import { splitEdit, type EditSupport } from './split-files.js';

/** Our own kind under `source.fixAll`, so that a user can ask for exactly this one on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export const SPLIT_TITLE = 'Split into files within the limits';

/**
 * Quick fixes for the diagnostics in the request that are ours and still current, "fix all", and a
 * split when a limit is exceeded. The client's `only` is honoured.
 */
export function codeActions(served: ServedDocument, params: CodeActionParams, support: EditSupport): CodeAction[] {
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix) && ours.length > 0) {
    for (const [diagnostic, issue] of currentIssues(served, ours)) actions.push(...quickFixes(served, diagnostic, issue));
    const limits = ours.filter((diagnostic) => diagnostic.code === 'limit-exceeded');
    if (limits.length > 0) {
      const split = splitEdit(served, support);
      if (split.ok) actions.push({ title: SPLIT_TITLE, kind: CodeActionKind.QuickFix, diagnostics: limits, edit: split.edit });
    }
  }

  if (wanted(FIX_ALL_KIND)) {
    const fixable = served.document.result.issues.some((issue) => issue.fixes?.some((fix) => fix.safe));
    if (fixable && only) {
      // Asked for by kind (on save, or from the Source Action menu): the edit itself, computed now.
      const fixed = fixAllEdit(served, support);
      if (fixed) actions.push({ title: 'Fix all safe problems', kind: FIX_ALL_KIND, edit: fixed.edit });
    } else if (fixable) {
      // Offered with everything else, as clients ask on each cursor move: fixing a large file runs
      // several validations, so the work is left to the command, which runs only when chosen.
      actions.push({ title: 'Fix all safe problems', kind: FIX_ALL_KIND, command: { title: 'Fix all safe problems', command: COMMANDS.fixAll, arguments: [{ uri: served.uri }] } });
    }
  }
  return actions;
}

/** The current issue behind each diagnostic; diagnostics from an older version find none and get no fix. */
function currentIssues(served: ServedDocument, diagnostics: readonly Diagnostic[]): [Diagnostic, Issue][] {
  const { table, issues } = served.document.result;
  const lines = new Set(diagnostics.map((diagnostic) => diagnostic.range.start.line));
  const candidates = issues.filter((issue) => lines.has(issue.range.start.line));
  const found: [Diagnostic, Issue][] = [];
  for (const diagnostic of diagnostics) {
    const issue = candidates.find((candidate) => isDiagnosticOf(diagnostic, candidate, table));
    if (issue) found.push([diagnostic, issue]);
  }
  return found;
}

function quickFixes(served: ServedDocument, diagnostic: Diagnostic, issue: Issue): CodeAction[] {
  const fixes = issue.fixes ?? [];
  const safe = fixes.filter((fix) => fix.safe);
  const table = served.document.result.table;
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // The one safe fix is what the author meant; an editor may apply it with a single key.
    ...(fix.safe && safe.length === 1 ? { isPreferred: true } : {}),
    edit: { changes: { [served.uri]: fix.edits.map((edit) => ({ range: toClientRange(edit.range, table), newText: edit.newText })) } },
  }));
}
