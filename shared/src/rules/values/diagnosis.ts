import type { IssueCode } from '../../catalogue.js';
import type { ColumnName } from '../../domain/columns.js';
import type { Settings } from '../../settings.js';
import type { Row } from '../row.js';

/** A fix that writes a new value into the cell. */
export interface ValueFix {
  title: string;
  value: string;
  safe: boolean;
}

export interface CellDiagnosis {
  code: IssueCode;
  message: string;
  fixes?: ValueFix[];
}

/** What a check of one cell knows: the trimmed value, its row (operation, COUNTRY) and the settings. */
export interface CellInput {
  column: ColumnName;
  value: string;
  row: Row;
  settings: Settings;
}

export type CellCheck = (cell: CellInput) => CellDiagnosis | undefined;
