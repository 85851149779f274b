import type { Snapshot } from '../../plan/snapshot.js';

/** What context rules read: the live data, fixed for the life of the rules that read it. */
export interface LiveData {
  readonly snapshot: Snapshot;
  /** Groups in which the user holds the OWNER role; without it, ownership is not checked. */
  readonly ownedGroups?: readonly string[];
}
