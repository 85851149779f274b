import { csv } from '../helpers/issues.js';

export const CLEAN = csv`
  NUMBER,OPERATION
  +14155550101,Detach
  +14155550102,Delete
`;

/**
 * One of several kinds: a casing warning (row 2), a duplicate number (row 3, first on row 1),
 * a blank row (row 4) and an unknown operation (row 5), which still counts as a row.
 */
export const MIXED = csv`
  NUMBER,OPERATION,LOCALE,MINIAPP_ID
  +14155550101,Attach,en-US,app.one
  +14155550102,detach,,
  +14155550101,Delete,,
  ,,,
  +14155550103,Remove,,
`;
