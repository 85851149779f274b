import type { Caller } from './users.js';

export type Role = 'OWNER' | 'VIEWER';

/** The `ocp` group is the one group the narrower owner may change. */
const OCP_GROUP = 'ocp';

/**
 * A rule rather than a list, so that groups the platform learns later get roles too. Every sandbox
 * caller holds some role in every group; undefined is "no role", which a real platform has.
 */
export function roleIn(caller: Caller, group: string): Role | undefined {
  switch (caller) {
    case 'owner':
      return 'OWNER';
    case 'owner-ocp':
      return group === OCP_GROUP ? 'OWNER' : 'VIEWER';
    case 'viewer':
      return 'VIEWER';
  }
}

export function ownsAnyOf(caller: Caller, groups: Iterable<string>): boolean {
  for (const group of groups) if (roleIn(caller, group) === 'OWNER') return true;
  return false;
}

/** Every role is enough to read a group's numbers. */
export function canSee(caller: Caller, group: string, knownGroups: ReadonlySet<string>): boolean {
  return knownGroups.has(group) && roleIn(caller, group) !== undefined;
}
