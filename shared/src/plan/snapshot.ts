import type { EXPORT_COLUMNS } from '../domain/columns.js';
import type { WantedNumbers } from './wanted-numbers.js';

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** A number's values as the export shows them; a column the export does not have is absent. */
export type LiveValues = Readonly<Partial<Record<ExportColumn, string>>>;

export interface LiveNumber {
  /** NUMBER as the export writes it. */
  readonly number: string;
  /** What it is found under: the number as meant (`numberKey`), E.164 where that is certain. */
  readonly key: string;
  readonly values: LiveValues;
}

/** A mini app as the export describes it on the numbers attached to it. */
export interface MiniApp {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly group: string;
  readonly diamantAppName: string;
}

/** What a snapshot knows of one number. */
export type NumberState =
  | { readonly kind: 'live'; readonly live: LiveNumber }
  | { readonly kind: 'absent' }
  /** The snapshot was read for other numbers, so it cannot tell whether this one exists. */
  | { readonly kind: 'unread' };

export interface SnapshotParts {
  rowsRead: number;
  columns: ReadonlySet<ExportColumn>;
  numbers: ReadonlyMap<string, LiveNumber>;
  /** Undefined when every number of the export was kept. */
  wanted: WantedNumbers | undefined;
  groups: ReadonlySet<string>;
  setGroups: ReadonlyMap<string, ReadonlySet<string>>;
  miniApps: ReadonlyMap<string, MiniApp>;
}

const ABSENT: NumberState = { kind: 'absent' };
const UNREAD: NumberState = { kind: 'unread' };

/**
 * The live data at one moment, as far as a batch needs it: the batch's numbers with their values,
 * and small indexes of the whole export (groups, the group of each phone number set, mini apps).
 * Made by `readSnapshot`; never changed after.
 */
export class Snapshot {
  /** Data rows the export had, whether kept or not. */
  readonly rowsRead: number;
  /** The export's columns that the reader found. */
  readonly columns: ReadonlySet<ExportColumn>;
  /** Every GROUP_ID the export shows. */
  readonly groups: ReadonlySet<string>;
  /** The groups each PHONE_NUMBER_SET_ID is seen in: one, unless the export contradicts itself. */
  readonly setGroups: ReadonlyMap<string, ReadonlySet<string>>;
  /** Mini apps by MINIAPP_ID, as the first number attached to each describes it. */
  readonly miniApps: ReadonlyMap<string, MiniApp>;
  private readonly numbers: ReadonlyMap<string, LiveNumber>;
  private readonly wanted: WantedNumbers | undefined;

  constructor(parts: SnapshotParts) {
    this.rowsRead = parts.rowsRead;
    this.columns = parts.columns;
    this.numbers = parts.numbers;
    this.wanted = parts.wanted;
    this.groups = parts.groups;
    this.setGroups = parts.setGroups;
    this.miniApps = parts.miniApps;
  }

  /** What the snapshot knows of the number with this key (see `numberKey`). */
  state(key: string): NumberState {
    const live = this.numbers.get(key);
    if (live) return { kind: 'live', live };
    return this.wanted === undefined || this.wanted.has(key) ? ABSENT : UNREAD;
  }

  /** The numbers kept, in export order. */
  kept(): IterableIterator<LiveNumber> {
    return this.numbers.values();
  }

  get size(): number {
    return this.numbers.size;
  }

  /** The phone number sets seen in a group, sorted: what a message can suggest instead. */
  setsOf(group: string): string[] {
    const sets: string[] = [];
    for (const [set, groups] of this.setGroups) if (groups.has(group)) sets.push(set);
    return sets.sort();
  }
}
