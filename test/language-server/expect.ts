import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** docs/rules.md of the repository, which the server links to when the client names no other. */
export const RULES_URL = new URL('../../../docs/rules.md', import.meta.url);

/** The 1-based line of `## <code>` in a rules file. */
export function ruleLine(code: string, file: URL = RULES_URL): number {
  const index = readFileSync(fileURLToPath(file), 'utf8').split('\n').indexOf(`## ${code}`);
  assert.notEqual(index, -1, `no section for ${code}`);
  return index + 1;
}

/** Diagnostics as `code@line:character-line:character`, 0-based as in LSP, in the published order. */
export function brief(published: PublishDiagnosticsParams | Diagnostic[]): string[] {
  const diagnostics = Array.isArray(published) ? published : published.diagnostics;
  return diagnostics.map(({ code, range: { start, end } }) => `${String(code)}@${start.line}:${start.character}-${end.line}:${end.character}`);
}

export function only(published: PublishDiagnosticsParams, code: string): Diagnostic {
  const found = published.diagnostics.filter((diagnostic) => diagnostic.code === code);
  assert.equal(found.length, 1, `expected one ${code}; got ${brief(published).join(', ')}`);
  return found[0] as Diagnostic;
}
