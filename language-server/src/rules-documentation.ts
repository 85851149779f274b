import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isIssueCode, type IssueCode } from '@numbers-csv/shared';

/** Links from each code to its section of docs/rules.md, for `Diagnostic.codeDescription`. */
export type RuleLinks = ReadonlyMap<IssueCode, string>;

/**
 * Reads docs/rules.md once and links every `## <code>` heading by line (`#L<n>`, 1-based), which an
 * editor opens at the right place whether it renders the markdown or not. The file comes from the
 * client (`initializationOptions.rulesDocumentation`, a file URI: a bundled extension knows where it
 * put the docs) or, without one, from the repository around the built server. No file, no links.
 */
export function loadRuleLinks(given: string | undefined, log: (message: string) => void): RuleLinks {
  const uri = given ?? repositoryRules();
  if (uri === undefined) return new Map();
  let text: string;
  try {
    text = readFileSync(fileURLToPath(uri), 'utf8');
  } catch (error) {
    log(`No rules documentation at ${uri}; diagnostics will have no links (${error instanceof Error ? error.message : String(error)})`);
    return new Map();
  }
  return linksIn(text, uri);
}

function linksIn(markdown: string, uri: string): RuleLinks {
  const links = new Map<IssueCode, string>();
  let fenced = false;
  markdown.split(/\r\n|\r|\n/).forEach((line, index) => {
    // A `## ` inside a fenced example is an example, not a section.
    if (line.startsWith('```')) fenced = !fenced;
    const code = !fenced && line.startsWith('## ') ? line.slice(3).trim() : '';
    if (isIssueCode(code) && !links.has(code)) links.set(code, `${uri}#L${index + 1}`);
  });
  return links;
}

/** docs/rules.md seen from language-server/dist/, where the compiled server runs in the repository. */
function repositoryRules(): string | undefined {
  try {
    const url = new URL('../../docs/rules.md', import.meta.url);
    return url.protocol === 'file:' ? url.href : undefined;
  } catch {
    // A bundle may have no file URL of its own; then only the client can say where the docs are.
    return undefined;
  }
}
