import { EXPORT_COLUMNS } from '@numbers-csv/shared';

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One number as the export writes it: every export column, empty where the number has no value. */
export type LiveRow = Record<ExportColumn, string>;

export interface MiniApp {
  id: string;
  name: string;
  type: string;
  group: string;
  diamantAppName: string;
}

export interface PhoneNumberSet {
  id: string;
  group: string;
}

/**
 * What the platform knows. Rows are replaced, never changed in place, so that an export already
 * streaming keeps the rows it started with. The map keeps insertion order, which is the export order.
 */
export class NumbersState {
  readonly numbers = new Map<string, Readonly<LiveRow>>();
  readonly groups = new Set<string>();
  readonly sets = new Map<string, PhoneNumberSet>();
  readonly miniApps = new Map<string, MiniApp>();

  /** The first description of a set or mini app wins, as the first row of the seed that names it. */
  learnSet(set: PhoneNumberSet): void {
    if (!this.sets.has(set.id)) this.sets.set(set.id, set);
  }

  learnMiniApp(app: MiniApp): void {
    if (!this.miniApps.has(app.id)) this.miniApps.set(app.id, app);
  }

  rows(): Readonly<LiveRow>[] {
    return [...this.numbers.values()];
  }
}

export function blankRow(): LiveRow {
  const row = {} as LiveRow;
  for (const column of EXPORT_COLUMNS) row[column] = '';
  return row;
}

/** The MINIAPP_* columns always describe the number's mini app, or are all empty when it has none. */
export function withMiniApp(row: Readonly<LiveRow>, app: MiniApp | undefined): LiveRow {
  return {
    ...row,
    MINIAPP_ID: app?.id ?? '',
    MINIAPP_NAME: app?.name ?? '',
    MINIAPP_TYPE: app?.type ?? '',
    MINIAPP_GROUP: app?.group ?? '',
    MINIAPP_DIAMANT_APP_NAME: app?.diamantAppName ?? '',
  };
}
