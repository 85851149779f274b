import { literal } from '../blocks/text.js';
import type { Approvers } from './schema.js';

/** Members of a Slack user group (the app passes `usergroups.users.list`). */
export type ListUsergroupMembers = (usergroupId: string) => Promise<readonly string[]>;

export interface OwnersOptions {
  /** How long a user group's members are trusted; default 60 s, so that a removal takes effect soon. */
  ttlMs?: number;
  /** Milliseconds, as `Date.now`; injectable for tests. */
  now?: () => number;
}

export type OwnerCheck = { ok: true } | { ok: false; missing: string[] };

export const DEFAULT_MEMBERS_TTL_MS = 60_000;

interface Cached {
  at: number;
  members: Promise<ReadonlySet<string>>;
}

/**
 * Who is OWNER of which group, from the approvers file: its users, and the members of its user
 * groups, asked of Slack and kept briefly. Always asked at click time, never taken from a payload.
 */
export class Owners {
  readonly #approvers: Approvers;
  readonly #list: ListUsergroupMembers;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, Cached>();

  constructor(approvers: Approvers, listUsergroupMembers: ListUsergroupMembers, options: OwnersOptions = {}) {
    this.#approvers = approvers;
    this.#list = listUsergroupMembers;
    this.#ttlMs = options.ttlMs ?? DEFAULT_MEMBERS_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Whether `user` is OWNER of every group in `groups`; if not, the groups they are not OWNER of.
   * A batch that touches no group has no OWNER to approve it: `{ ok: false, missing: [] }`, as an
   * empty list must never let anyone approve. Rejects when Slack cannot list a user group's members.
   */
  async check(user: string, groups: readonly string[]): Promise<OwnerCheck> {
    if (groups.length === 0) return { ok: false, missing: [] };
    const missing: string[] = [];
    for (const group of new Set(groups)) if (!(await this.#owns(user, group))) missing.push(group);
    return missing.length === 0 ? { ok: true } : { ok: false, missing };
  }

  /** Groups `user` is OWNER of, sorted: for `/numbers pending`. */
  async groupsOwnedBy(user: string): Promise<string[]> {
    const owned: string[] = [];
    for (const group of Object.keys(this.#approvers.groups)) if (await this.#owns(user, group)) owned.push(group);
    return owned.sort();
  }

  /**
   * Who may approve, per group, as Slack mentions: one line per group,
   * `` `ocp`: <@U012AB3CD>, <!subteam^S0614TZR7> ``. A group the file does not name has nobody, and says so.
   */
  describe(groups: readonly string[]): string {
    if (groups.length === 0) return 'Nobody: the batch touches no group.';
    return [...new Set(groups)]
      .map((group) => {
        const entry = this.#approvers.groups[group];
        if (!entry) return `${literal(group, 60)}: nobody (the group is not in the approvers file)`;
        const who = [...entry.users.map((id) => `<@${id}>`), ...entry.usergroups.map((id) => `<!subteam^${id}>`)];
        return `${literal(group, 60)}: ${who.length > 0 ? who.join(', ') : 'nobody (the approvers file lists no one for it)'}`;
      })
      .join('\n');
  }

  async #owns(user: string, group: string): Promise<boolean> {
    const entry = this.#approvers.groups[group];
    if (!entry) return false;
    if (entry.users.includes(user)) return true;
    for (const usergroup of entry.usergroups) if ((await this.#members(usergroup)).has(user)) return true;
    return false;
  }

  /** A user group's members: from the cache while fresh; one request for concurrent callers. */
  #members(usergroup: string): Promise<ReadonlySet<string>> {
    const now = this.#now();
    const cached = this.#cache.get(usergroup);
    if (cached && now - cached.at < this.#ttlMs) return cached.members;
    const members = this.#list(usergroup).then((ids) => new Set(ids) as ReadonlySet<string>);
    const entry: Cached = { at: now, members };
    this.#cache.set(usergroup, entry);
    // A failed listing is not remembered: the next click asks again.
    members.catch(() => {
      if (this.#cache.get(usergroup) === entry) this.#cache.delete(usergroup);
    });
    return members;
  }
}
