import { z } from 'zod';

/*
 * The approvers file: for each group, the Slack users and user groups whose members are its OWNERs.
 * `{"groups": {"ocp": {"users": ["U012AB3CD"], "usergroups": ["S0614TZR7"]}}}`, or the same in YAML.
 */

/** Slack user ids: `U…`, or `W…` for users of an Enterprise Grid organisation. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const USERGROUP_ID = /^S[A-Z0-9]{2,}$/;

const groupSchema = z
  .object(
    {
      users: z
        .array(z.string().regex(USER_ID, { error: (issue) => `${JSON.stringify(issue.input)} is not a Slack user id (U… or W…; a display name or email will not do)` }), {
          error: 'must be a list of Slack user ids, e.g. [U012AB3CD]',
        })
        .default([]),
      usergroups: z
        .array(z.string().regex(USERGROUP_ID, { error: (issue) => `${JSON.stringify(issue.input)} is not a Slack user group id (S…; a @handle will not do)` }), {
          error: 'must be a list of Slack user group ids, e.g. [S0614TZR7]',
        })
        .default([]),
    },
    { error: 'must hold "users" and/or "usergroups" lists' },
  )
  .strict();

export const approversSchema = z
  .object({
    groups: z.record(
      // A group with nothing under it (`ocp:` in YAML) is a group with no OWNER, which `describe` says.
      z.string().min(1),
      groupSchema.nullable().transform((group) => group ?? { users: [], usergroups: [] }),
      { error: (issue) => (issue.input === undefined ? 'missing: map each group to its "users" and "usergroups"' : 'must map each group to its "users" and "usergroups"') },
    ),
  })
  .strict();

export type Approvers = z.output<typeof approversSchema>;
export type GroupApprovers = Approvers['groups'][string];
