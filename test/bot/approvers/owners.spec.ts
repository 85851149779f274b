import assert from 'node:assert/strict';
import type { Approvers } from '../../../bot/src/approvers/index.js';
import { approvers as module } from './built.js';

const { Owners } = module;

const FILE: Approvers = {
  groups: {
    ocp: { users: ['U0ALICE'], usergroups: ['S0OCP'] },
    'emea-support': { users: [], usergroups: ['S0EMEA'] },
    empty: { users: [], usergroups: [] },
  },
};

/** A fake of `usergroups.users.list` that counts its calls. */
function slack(members: Record<string, string[]>) {
  const calls: string[] = [];
  let failing = false;
  return {
    calls,
    fail(on: boolean) {
      failing = on;
    },
    list: async (usergroup: string): Promise<string[]> => {
      calls.push(usergroup);
      await Promise.resolve();
      if (failing) throw new Error('ratelimited');
      return members[usergroup] ?? [];
    },
  };
}

describe('Owners', () => {
  it('checks an OWNER of every group: listed users, and members of listed user groups', async () => {
    const fake = slack({ S0OCP: ['U0BOB'], S0EMEA: ['U0BOB', 'U0CAROL'] });
    const owners = new Owners(FILE, fake.list);
    assert.deepEqual(await owners.check('U0ALICE', ['ocp']), { ok: true });
    assert.deepEqual(await owners.check('U0BOB', ['emea-support', 'ocp']), { ok: true });
    assert.deepEqual(await owners.check('U0ALICE', ['emea-support', 'ocp']), { ok: false, missing: ['emea-support'] });
    assert.deepEqual(await owners.check('U0CAROL', ['emea-support', 'ocp']), { ok: false, missing: ['ocp'] });
    assert.deepEqual(await owners.check('U0DAVE', ['ocp', 'emea-support']), { ok: false, missing: ['ocp', 'emea-support'] });
  });

  it('has no OWNER for a group the file does not name, or names nobody for', async () => {
    const owners = new Owners(FILE, slack({}).list);
    assert.deepEqual(await owners.check('U0ALICE', ['ocp', 'apac']), { ok: false, missing: ['apac'] });
    assert.deepEqual(await owners.check('U0ALICE', ['empty']), { ok: false, missing: ['empty'] });
  });

  it('lets no one approve a batch that touches no group', async () => {
    const owners = new Owners(FILE, slack({}).list);
    assert.deepEqual(await owners.check('U0ALICE', []), { ok: false, missing: [] });
  });

  it('asks Slack for a user group once while its members are fresh, and again after the TTL', async () => {
    const fake = slack({ S0OCP: ['U0BOB'] });
    let now = 1_000_000;
    const owners = new Owners(FILE, fake.list, { ttlMs: 60_000, now: () => now });
    await owners.check('U0BOB', ['ocp']);
    await Promise.all([owners.check('U0CAROL', ['ocp']), owners.check('U0DAVE', ['ocp'])]);
    now += 59_999;
    await owners.check('U0BOB', ['ocp']);
    assert.deepEqual(fake.calls, ['S0OCP']);
    now += 1;
    await owners.check('U0BOB', ['ocp']);
    assert.deepEqual(fake.calls, ['S0OCP', 'S0OCP']);
  });

  it('does not ask Slack when the user is listed by id', async () => {
    const fake = slack({});
    await new Owners(FILE, fake.list).check('U0ALICE', ['ocp']);
    assert.deepEqual(fake.calls, []);
  });

  it('fails, rather than refuses, when Slack cannot list a user group, and asks again next time', async () => {
    const fake = slack({ S0OCP: ['U0BOB'] });
    const owners = new Owners(FILE, fake.list);
    fake.fail(true);
    await assert.rejects(owners.check('U0BOB', ['ocp']), /ratelimited/);
    fake.fail(false);
    assert.deepEqual(await owners.check('U0BOB', ['ocp']), { ok: true });
    assert.deepEqual(fake.calls, ['S0OCP', 'S0OCP']);
  });

  it('describes who may approve, per group, as Slack mentions', () => {
    const owners = new Owners(FILE, slack({}).list);
    assert.equal(
      owners.describe(['ocp', 'emea-support', 'empty', 'apac']),
      [
        '`ocp`: <@U0ALICE>, <!subteam^S0OCP>',
        '`emea-support`: <!subteam^S0EMEA>',
        '`empty`: nobody (the approvers file lists no one for it)',
        '`apac`: nobody (the group is not in the approvers file)',
      ].join('\n'),
    );
    assert.equal(owners.describe([]), 'Nobody: the batch touches no group.');
  });

  it('lists the groups a user owns, for /numbers pending', async () => {
    const owners = new Owners(FILE, slack({ S0OCP: ['U0BOB'], S0EMEA: ['U0BOB', 'U0CAROL'] }).list);
    assert.deepEqual(await owners.groupsOwnedBy('U0BOB'), ['emea-support', 'ocp']);
    assert.deepEqual(await owners.groupsOwnedBy('U0ALICE'), ['ocp']);
    assert.deepEqual(await owners.groupsOwnedBy('U0DAVE'), []);
  });
});
