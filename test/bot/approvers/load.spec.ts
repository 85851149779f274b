import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvers } from './built.js';

const { ApproversError, loadApprovers } = approvers;

describe('approvers file', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'approvers-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  /** The message `loadApprovers` refuses the file with. */
  async function refusal(path: string): Promise<string> {
    try {
      await loadApprovers(path);
    } catch (error) {
      assert.ok(error instanceof ApproversError, `expected an ApproversError, got ${String(error)}`);
      assert.doesNotMatch(error.message, /\n/, 'one line');
      return error.message;
    }
    assert.fail('expected an ApproversError');
  }

  it('reads YAML, with users and user groups each optional', async () => {
    const path = await file(
      'approvers.yml',
      `groups:
  ocp:
    users: [U012AB3CD, W0GRIDUSER]
    usergroups:
      - S0614TZR7
  emea-support:
    usergroups: [S0EMEA]
  nobody:
`,
    );
    assert.deepEqual(await loadApprovers(path), {
      groups: {
        ocp: { users: ['U012AB3CD', 'W0GRIDUSER'], usergroups: ['S0614TZR7'] },
        'emea-support': { users: [], usergroups: ['S0EMEA'] },
        nobody: { users: [], usergroups: [] },
      },
    });
  });

  it('reads JSON', async () => {
    const path = await file('approvers.json', '{"groups": {"ocp": {"users": ["U012AB3CD"], "usergroups": ["S0614TZR7"]}}}');
    assert.deepEqual(await loadApprovers(path), { groups: { ocp: { users: ['U012AB3CD'], usergroups: ['S0614TZR7'] } } });
  });

  it('reads either without a known extension', async () => {
    assert.deepEqual(await loadApprovers(await file('approvers.conf', '{"groups": {"ocp": {"users": ["U1AB"]}}}')), { groups: { ocp: { users: ['U1AB'], usergroups: [] } } });
    assert.deepEqual(await loadApprovers(await file('approvers', 'groups:\n  ocp:\n    users: [U1AB]\n')), { groups: { ocp: { users: ['U1AB'], usergroups: [] } } });
  });

  it('names the file and the bad key', async () => {
    const path = await file('bad-user.yml', 'groups:\n  ocp:\n    users: [U012AB3CD, bob@example.com]\n');
    assert.equal(await refusal(path), `approvers file ${path}: groups.ocp.users.1: "bob@example.com" is not a Slack user id (U… or W…; a display name or email will not do)`);
    const group = await file('bad-group.json', '{"groups": {"ocp": {"usergroups": ["@ocp-owners"]}}}');
    assert.equal(await refusal(group), `approvers file ${group}: groups.ocp.usergroups.0: "@ocp-owners" is not a Slack user group id (S…; a @handle will not do)`);
  });

  it('refuses unknown keys, naming what it expected', async () => {
    const typo = await file('typo.yml', 'groups:\n  ocp:\n    user: [U012AB3CD]\n');
    assert.equal(await refusal(typo), `approvers file ${typo}: groups.ocp.user: unknown key (expected "users" and "usergroups")`);
    const top = await file('top.json', '{"groups": {}, "owners": {}}');
    assert.equal(await refusal(top), `approvers file ${top}: owners: unknown key (expected "groups")`);
  });

  it('refuses a file without groups, or not an object', async () => {
    const empty = await file('empty.yml', '');
    assert.match(await refusal(empty), /^approvers file .*empty\.yml: expected an object with "groups"/);
    const list = await file('list.json', '["U012AB3CD"]');
    assert.match(await refusal(list), /expected an object with "groups"/);
    const noGroups = await file('no-groups.json', '{}');
    assert.equal(await refusal(noGroups), `approvers file ${noGroups}: groups: missing: map each group to its "users" and "usergroups"`);
    const notList = await file('not-list.json', '{"groups": {"ocp": {"users": "U012AB3CD"}}}');
    assert.equal(await refusal(notList), `approvers file ${notList}: groups.ocp.users: must be a list of Slack user ids, e.g. [U012AB3CD]`);
    const unnamed = await file('unnamed.json', '{"groups": {"": {}}}');
    assert.equal(await refusal(unnamed), `approvers file ${unnamed}: groups: a group name cannot be empty`);
  });

  it('refuses a file that is not YAML or JSON, or not there', async () => {
    const yaml = await file('broken.yaml', 'groups:\n  ocp: [unclosed\n');
    assert.match(await refusal(yaml), /^approvers file .*broken\.yaml: not valid YAML: /);
    const json = await file('broken.json', '{"groups": ');
    assert.match(await refusal(json), /^approvers file .*broken\.json: not valid JSON: /);
    const missing = join(dir, 'missing.yml');
    assert.equal(await refusal(missing), `approvers file ${missing}: cannot read it (no such file); set APPROVERS_FILE to its path`);
  });
});
