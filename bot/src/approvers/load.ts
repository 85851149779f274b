import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { approversSchema, type Approvers } from './schema.js';

/** The approvers file could not be read or is not what it should be; the message names the file and the key. */
export class ApproversError extends Error {
  override readonly name = 'ApproversError';
}

/**
 * Reads the approvers file: JSON for `.json`, YAML for `.yaml`/`.yml`, and for any other name JSON
 * if it parses as JSON, else YAML. Checked whole: a typo in one group stops the bot at start rather
 * than refusing that group's approvers at the first click.
 */
export async function loadApprovers(path: string): Promise<Approvers> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApproversError(`approvers file ${path}: cannot read it (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}); set APPROVERS_FILE to its path`);
  }
  return parseApprovers(text, path);
}

/** The approvers in `text`, read as the file `path` would be. */
export function parseApprovers(text: string, path: string): Approvers {
  const data = parseText(text, path);
  const parsed = approversSchema.safeParse(data);
  if (!parsed.success) throw new ApproversError(`approvers file ${path}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  return parsed.data;
}

function parseText(text: string, path: string): unknown {
  const extension = extname(path).toLowerCase();
  const asJson = () => JSON.parse(text) as unknown;
  const asYaml = () => parseYaml(text) as unknown;
  try {
    if (extension === '.json') return asJson();
    if (extension === '.yaml' || extension === '.yml') return asYaml();
    try {
      return asJson();
    } catch {
      return asYaml();
    }
  } catch (error) {
    const what = extension === '.json' ? 'JSON' : extension === '.yaml' || extension === '.yml' ? 'YAML' : 'JSON or YAML';
    throw new ApproversError(`approvers file ${path}: not valid ${what}: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
}

/** `groups.ocp.users.0: "bob" is not a Slack user id …`: the bad key first, then what is wrong. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? '"groups"' : '"users" and "usergroups"';
    return issue.keys.map((name) => `${key ? `${key}.` : ''}${name}: unknown key (expected ${known})`).join('; ');
  }
  // The path of a bad key ends in the key itself, here the empty name.
  if (issue.code === 'invalid_key') return `${issue.path.slice(0, -1).map(String).join('.')}: a group name cannot be empty`;
  if (issue.path.length === 0 && issue.code === 'invalid_type') return `expected an object with "groups", e.g. {"groups": {"ocp": {"users": ["U012AB3CD"]}}}`;
  return `${key || '(file)'}: ${issue.message}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
