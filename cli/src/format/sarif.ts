import { isAbsolute, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUE, ISSUE_CODES, type Fix, type Issue, type IssueCode, type Severity } from '@numbers-csv/shared';
import { regionOf, type Locate, type Region } from '../positions.js';
import type { FileReport } from '../report.js';

/** Relative artifact URIs are resolved against this base, which the log maps to the cwd. */
const SRCROOT = '%SRCROOT%';

/** A fix that rewrites a whole file (the separator fix) would copy the file into the log; such fixes stay out. */
const MAX_INSERTED_CHARS = 10_000;

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: SarifRegion;
}

interface SarifFix {
  description: { text: string };
  artifactChanges: { artifactLocation: ArtifactLocation; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[];
}

interface SarifResult {
  ruleId: IssueCode;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
  fixes?: SarifFix[];
}

interface SarifRule {
  id: IssueCode;
  shortDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export function sarifRules(): SarifRule[] {
  return ISSUE_CODES.map((code) => {
    const entry = CATALOGUE[code];
    return {
      id: code,
      shortDescription: { text: entry.summary },
      // The rule docs live in the repository, which has no public address to link to yet.
      help: { text: `${entry.summary} See docs/rules.md#${code} in the numbers-csv repository.` },
      defaultConfiguration: { level: LEVELS[entry.severity] },
      properties: { tags: [entry.group] },
    };
  });
}

export function formatSarif(reports: readonly FileReport[], cwd: string, version: string): string {
  const log: SarifLog = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'numbers-csv', version, rules: sarifRules() } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        // The core counts characters in UTF-16 code units, as LSP does.
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => report.issues.map((issue) => sarifResult(issue, artifactLocation(report), report.locate))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(issue: Issue, artifact: ArtifactLocation, locate: Locate): SarifResult {
  const result: SarifResult = {
    ruleId: issue.code,
    ruleIndex: ISSUE_CODES.indexOf(issue.code),
    level: LEVELS[issue.severity],
    message: { text: issue.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(regionOf(issue.range, locate)) } }],
  };
  if (issue.related && issue.related.length > 0) {
    result.relatedLocations = issue.related.map((related, id) => ({
      id,
      physicalLocation: { artifactLocation: artifact, region: sarifRegion(regionOf(related.range, locate)) },
      message: { text: related.message },
    }));
  }
  const fixes = (issue.fixes ?? []).filter((fix) => fix.safe && fix.edits.length > 0 && insertedLength(fix) <= MAX_INSERTED_CHARS).map((fix) => sarifFix(fix, artifact, locate));
  if (fixes.length > 0) result.fixes = fixes;
  return result;
}

function sarifFix(fix: Fix, artifact: ArtifactLocation, locate: Locate): SarifFix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: artifact,
        replacements: fix.edits.map((edit) => ({ deletedRegion: sarifRegion(regionOf(edit.range, locate)), insertedContent: { text: edit.newText } })),
      },
    ],
  };
}

function insertedLength(fix: Fix): number {
  return fix.edits.reduce((sum, edit) => sum + edit.newText.length, 0);
}

function sarifRegion(region: Region): SarifRegion {
  return { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn };
}

/** A relative path becomes a relative URI against the cwd; an absolute one a file URL. */
export function artifactLocation(report: FileReport): ArtifactLocation {
  if (report.stdin) return { uri: 'stdin' };
  if (isAbsolute(report.path)) return { uri: pathToFileURL(report.path).href };
  const segments = normalize(report.path).split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
