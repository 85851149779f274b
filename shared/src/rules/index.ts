import { cells } from './cells.js';
import { duplicateColumn } from './duplicate-column.js';
import { duplicateNumber } from './duplicate-number.js';
import { fieldCount } from './field-count.js';
import { limitExceeded } from './limit-exceeded.js';
import { missingColumn } from './missing-column.js';
import { missingOperationColumn } from './missing-operation-column.js';
import type { RuleFactory } from './rule.js';
import { unknownColumn } from './unknown-column.js';
import { updateNoChange } from './update-no-change.js';
import { whitespace } from './whitespace.js';

/** Every rule that runs on a table with a header, in the order their issues are found. */
export const RULES: readonly RuleFactory[] = [
  missingOperationColumn,
  missingColumn,
  unknownColumn,
  duplicateColumn,
  fieldCount,
  whitespace,
  cells,
  updateNoChange,
  duplicateNumber,
  limitExceeded,
];
