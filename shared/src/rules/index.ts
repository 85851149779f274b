import { cells } from './cells.js';
import { duplicateColumn } from './duplicate-column.js';
import { duplicateNumber } from './duplicate-number.js';
import { fieldCount } from './field-count.js';
import { limitExceeded } from './limit-exceeded.js';
import { missingColumn } from './missing-column.js';
import { missingOperationColumn } from './missing-operation-column.js';
import { alreadyAttached } from './live/already-attached.js';
import { groupNotOwned } from './live/group-not-owned.js';
import { notAttached } from './live/not-attached.js';
import { numberExists } from './live/number-exists.js';
import { numberNotFound } from './live/number-not-found.js';
import { readOnlyChange } from './live/read-only-change.js';
import { setGroupMismatch } from './live/set-group-mismatch.js';
import type { LiveRuleFactory, RuleFactory } from './rule.js';
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

/** Context rules: they run after the others, and only where live data is given. */
export const LIVE_RULES: readonly LiveRuleFactory[] = [
  numberNotFound,
  numberExists,
  setGroupMismatch,
  alreadyAttached,
  notAttached,
  readOnlyChange,
  groupNotOwned,
];
