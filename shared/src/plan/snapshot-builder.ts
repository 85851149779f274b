import { trimmed } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { e164Value, numberKey } from '../domain/phone.js';
import type { ExportPositions } from './export-header.js';
import { Snapshot, type ExportColumn, type LiveNumber, type MiniApp } from './snapshot.js';
import type { WantedNumbers } from './wanted-numbers.js';

/**
 * Takes the export's records one at a time and keeps what a snapshot holds: the wanted numbers in
 * full, and of every row only what the small indexes need. Nothing else outlives the record.
 */
export class SnapshotBuilder {
  private rowsRead = 0;
  private readonly numbers = new Map<string, LiveNumber>();
  private readonly groups = new Set<string>();
  private readonly setGroups = new Map<string, Set<string>>();
  private readonly miniApps = new Map<string, MiniApp>();
  private readonly columns: [ExportColumn, number][];

  constructor(
    private readonly positions: ExportPositions,
    private readonly wanted: WantedNumbers | undefined,
  ) {
    this.columns = Object.entries(positions) as [ExportColumn, number][];
  }

  add(record: readonly string[]): void {
    this.rowsRead++;
    const group = this.at(record, 'GROUP_ID');
    if (group !== '') this.groups.add(group);
    const set = this.at(record, 'PHONE_NUMBER_SET_ID');
    if (set !== '' && group !== '') this.addSet(set, group);
    const app = this.at(record, 'MINIAPP_ID');
    if (app !== '' && !this.miniApps.has(app)) this.miniApps.set(app, this.miniAppOf(record, app));

    const number = this.at(record, 'NUMBER');
    if (number === '') return;
    // The export writes E.164 on nearly every row: that value is its own key, and a number to test.
    const e164 = e164Value(number);
    let key = number;
    if (e164 !== 0) {
      if (this.wanted && !this.wanted.hasE164(e164)) return;
    } else {
      key = numberKey(number, () => countryNamed(this.at(record, 'COUNTRY')));
      if (this.wanted && !this.wanted.has(key)) return;
    }
    // An export lists a number once; should it repeat one, the first row stands, as the batch's does.
    if (this.numbers.has(key)) return;
    const values: Partial<Record<ExportColumn, string>> = {};
    for (const [column, position] of this.columns) values[column] = trimmed(record[position] ?? '');
    this.numbers.set(key, { number, key, values });
  }

  build(): Snapshot {
    return new Snapshot({
      rowsRead: this.rowsRead,
      columns: new Set(this.columns.map(([column]) => column)),
      numbers: this.numbers,
      wanted: this.wanted,
      groups: this.groups,
      setGroups: this.setGroups,
      miniApps: this.miniApps,
    });
  }

  private at(record: readonly string[], column: ExportColumn): string {
    const position = this.positions[column];
    return position === undefined ? '' : trimmed(record[position] ?? '');
  }

  private addSet(set: string, group: string): void {
    const groups = this.setGroups.get(set);
    if (groups === undefined) this.setGroups.set(set, new Set([group]));
    else groups.add(group);
  }

  private miniAppOf(record: readonly string[], id: string): MiniApp {
    return {
      id,
      name: this.at(record, 'MINIAPP_NAME'),
      type: this.at(record, 'MINIAPP_TYPE'),
      group: this.at(record, 'MINIAPP_GROUP'),
      diamantAppName: this.at(record, 'MINIAPP_DIAMANT_APP_NAME'),
    };
  }
}
