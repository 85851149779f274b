import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CATALOGUE,
  DEFAULT_SETTINGS,
  ISSUE_CODES,
  isIssueCode,
  parseSettings,
  readSnapshot,
  validate,
  validateBytes,
  type Issue,
  type IssueCode,
  type Settings,
  type ValidationContext,
} from '@numbers-csv/shared';

/**
 * `docs/rules.md` is the user's reference for every code, and editors and SARIF link to its
 * `#<code>` anchors. This keeps it in step with the catalogue, and keeps its examples honest: each
 * example is validated, and must report exactly the problems the page prints for it.
 */

// Compiled to test/dist/shared/, three levels below the repository root.
const DOC_URL = new URL('../../../docs/rules.md', import.meta.url);

interface Block {
  lang: string;
  content: string;
}

interface Section {
  heading: string;
  /** Prose between the heading and the next level-2 heading, fenced blocks included. */
  lines: string[];
  blocks: Block[];
}

/** Splits the page at level-2 headings, ignoring `## ` inside fenced blocks. */
function readSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let fence: Block | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (line.startsWith('```')) {
        current?.blocks.push(fence);
        fence = undefined;
      } else fence.content += `${line}\n`;
      continue;
    }
    if (line.startsWith('```')) {
      fence = { lang: line.slice(3).trim(), content: '' };
      continue;
    }
    const heading = /^## (.*)$/.exec(line);
    if (heading) {
      current = { heading: (heading[1] ?? '').trim(), lines: [], blocks: [] };
      sections.push(current);
      continue;
    }
    current?.lines.push(line);
  }
  return sections;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITY_LINE = /^\*\*Severity:\*\*\s*(\S+)\s*$/;
/** A problem as `numbers-csv check` prints it: `file.csv:2:14: warning: Write "Attach", not "attach". [operation-case]`. */
const PRINTED = /^file\.csv:(\d+):(\d+): (error|warning|info): .* \[([a-z0-9-]+)\]$/;

const doc = readFileSync(DOC_URL, 'utf8');
const sections = readSections(doc);
/** Rule sections: a heading that is a code-like word, or a section that states a severity. */
const ruleSections = sections.filter((section) => KEBAB.test(section.heading) || section.lines.some((line) => SEVERITY_LINE.test(line)));

function where(heading: string): string {
  return `docs/rules.md#${heading}`;
}

/** Windows-1252 bytes for text of ASCII and Latin-1 letters, which it stores as the same single byte as Latin-1. */
function windows1252(text: string): Uint8Array {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    assert.ok(code < 0x80 || (code >= 0xa0 && code <= 0xff), `the encoding example may use only ASCII and U+00A0–U+00FF; found U+${code.toString(16).toUpperCase()}`);
  }
  return Buffer.from(text, 'latin1');
}

function exampleSettings(section: Section): Settings {
  const json = section.blocks.filter((block) => block.lang === 'json');
  assert.ok(json.length <= 1, `${where(section.heading)}: at most one numbers-csv.json block`);
  const [block] = json;
  if (!block) return DEFAULT_SETTINGS;
  const result = parseSettings(JSON.parse(block.content) as unknown);
  assert.deepEqual(result.problems, [], `${where(section.heading)}: the numbers-csv.json example is not valid settings`);
  return result.settings;
}

/**
 * The live data an example is checked against: the export in its ```csv export block, and the
 * context (the user's groups) in its ```json context block. Codes of the live group need the export.
 */
async function exampleContext(section: Section, code: IssueCode): Promise<ValidationContext | undefined> {
  const exports = section.blocks.filter((block) => block.lang === 'csv export');
  const contexts = section.blocks.filter((block) => block.lang === 'json context');
  assert.ok(exports.length <= 1 && contexts.length <= 1, `${where(section.heading)}: at most one csv export and one json context block`);
  if (CATALOGUE[code].group === 'live') assert.equal(exports.length, 1, `${where(code)}: a live code's example needs a \`\`\`csv export block, the live data it is checked against`);
  const [exported] = exports;
  if (!exported) {
    assert.equal(contexts.length, 0, `${where(code)}: a json context block needs a csv export block`);
    return undefined;
  }
  const snapshot = await readSnapshot(exported.content);
  const [context] = contexts;
  if (!context) return { snapshot };
  const parsed = JSON.parse(context.content) as { ownedGroups?: unknown };
  const owned = parsed.ownedGroups;
  assert.ok(Array.isArray(owned) && owned.every((group) => typeof group === 'string'), `${where(code)}: the json context block needs "ownedGroups": [...] of strings`);
  return { snapshot, ownedGroups: owned as string[] };
}

async function issuesOf(section: Section, code: IssueCode, text: string, settings: Settings): Promise<Issue[]> {
  // The encoding is a property of the bytes, which `validate(text)` never sees: the page shows the
  // text and says it is saved as Windows-1252, so the test saves it so and validates the bytes.
  if (code === 'encoding') return validateBytes(windows1252(text), settings).issues;
  return validate(text, settings, await exampleContext(section, code)).issues;
}

function describeIssue(issue: Pick<Issue, 'code' | 'severity'> & { line: number; column: number }): string {
  return `${issue.line}:${issue.column} ${issue.severity} [${issue.code}]`;
}

describe('docs/rules.md', () => {
  it('has one section per code, headed by the code', () => {
    for (const code of ISSUE_CODES) {
      const count = ruleSections.filter((section) => section.heading === code).length;
      assert.equal(count, 1, `docs/rules.md needs one "## ${code}" section; it has ${count}`);
    }
  });

  it('has no section for a code that is not in the catalogue', () => {
    const unknown = ruleSections.map((section) => section.heading).filter((heading) => !isIssueCode(heading));
    assert.deepEqual(unknown, [], `sections in docs/rules.md name codes that are not in CATALOGUE`);
  });

  it("states each code's default severity", () => {
    for (const section of ruleSections.filter((s) => isIssueCode(s.heading))) {
      const code = section.heading as IssueCode;
      const stated = section.lines.map((line) => SEVERITY_LINE.exec(line)?.[1]).filter((value) => value !== undefined);
      assert.deepEqual(stated, [CATALOGUE[code].severity], `${where(code)} needs one "**Severity:** ${CATALOGUE[code].severity}" line, the catalogue's default`);
    }
  });

  it('says what, why, how it looks and how to fix it, for each code', () => {
    for (const section of ruleSections) {
      for (const label of ['What', 'Why', 'Example', 'Fix']) {
        assert.ok(section.lines.some((line) => line.startsWith(`**${label}:**`)), `${where(section.heading)}: no **${label}:** paragraph`);
      }
    }
  });

  it('lists every code in the contents, under its group, with its severity', () => {
    const contents = sections.find((section) => section.heading === 'Contents');
    assert.ok(contents, 'docs/rules.md has no "## Contents" section');
    const listed = new Map<string, { group: string; severity: string }>();
    let group = '';
    for (const line of contents.lines) {
      const groupHeading = /^### (.*)$/.exec(line);
      if (groupHeading) group = (groupHeading[1] ?? '').trim().toLowerCase();
      const row = /^\|\s*\[([^\]]+)\]\(#([^)]+)\)\s*\|\s*(\w+)\s*\|/.exec(line);
      if (!row) continue;
      const [, text = '', anchor = '', severity = ''] = row;
      assert.equal(anchor, text, `contents: [${text}] links to #${anchor}`);
      assert.ok(!listed.has(text), `contents: ${text} is listed twice`);
      listed.set(text, { group, severity });
    }
    assert.deepEqual([...listed.keys()].sort(), [...ISSUE_CODES].sort(), 'contents: the codes listed differ from the catalogue');
    for (const code of ISSUE_CODES) {
      assert.deepEqual(listed.get(code), { group: CATALOGUE[code].group, severity: CATALOGUE[code].severity }, `contents: ${code}`);
    }
  });

  describe('examples report what the page prints', () => {
    for (const section of ruleSections.filter((s) => isIssueCode(s.heading))) {
      const code = section.heading as IssueCode;
      it(code, async () => {
        const examples = section.blocks.filter((block) => block.lang === 'csv');
        assert.equal(examples.length, 1, `${where(code)} needs one \`\`\`csv example`);
        const text = (examples[0] as Block).content;
        const printed = section.blocks
          .filter((block) => block.lang === 'text')
          .flatMap((block) => block.content.split('\n'))
          .map((line) => PRINTED.exec(line))
          .filter((match) => match !== null)
          .map(([, line = '', column = '', severity = '', printedCode = '']) => ({ line: Number(line), column: Number(column), severity: severity as Issue['severity'], code: printedCode as IssueCode }));
        assert.ok(printed.some((issue) => issue.code === code), `${where(code)}: the example prints no [${code}] line`);

        const reported = (await issuesOf(section, code, text, exampleSettings(section))).map((issue) => ({
          line: issue.range.start.line + 1,
          column: issue.range.start.character + 1,
          severity: issue.severity,
          code: issue.code,
        }));
        // Messages are not compared: their wording may improve without the page going wrong.
        assert.deepEqual(
          reported.map(describeIssue).sort(),
          printed.map(describeIssue).sort(),
          `${where(code)}: the example reports other problems than the page prints`,
        );
      });
    }
  });
});
