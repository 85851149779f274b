import { OPERATIONS, operationNamed } from '../../domain/operations.js';
import { closest } from '../../text/suggest.js';
import type { CellCheck } from './diagnosis.js';

/** OPERATION: one of the five, spelled as the platform spells them. */
export const checkOperation: CellCheck = ({ value }) => {
  const named = operationNamed(value);
  if (named === value) return undefined;
  if (named) {
    return { code: 'operation-case', message: `Write "${named}", not "${value}".`, fixes: [{ title: `Change to ${named}`, value: named, safe: true }] };
  }
  const guess = closest(value, OPERATIONS);
  return {
    code: 'unknown-operation',
    message: `"${value}" is not an operation${guess ? `; did you mean ${guess}?` : '.'} Use one of ${OPERATIONS.join(', ')}.`,
    // Never safe: a typo of Delete must not become a Delete without a person choosing it.
    ...(guess ? { fixes: [{ title: `Change to ${guess}`, value: guess, safe: false }] } : {}),
  };
};
