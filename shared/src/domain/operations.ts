export const OPERATIONS = ['Create', 'Update', 'Attach', 'Detach', 'Delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

const BY_LOWER_CASE = new Map<string, Operation>(OPERATIONS.map((op) => [op.toLowerCase(), op]));

/** The operation a value names, ignoring case and surrounding spaces; undefined when it names none. */
export function operationNamed(value: string): Operation | undefined {
  // The constant, never the cell's own string: rules count and look up by operation on every row, and
  // only a constant is hashed once and compared by identity.
  for (const operation of OPERATIONS) if (value === operation) return operation;
  return BY_LOWER_CASE.get(value.trim().toLowerCase());
}

export function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}

export type OperationCounts = Record<Operation, number>;

export function zeroCounts(): OperationCounts {
  return { Create: 0, Update: 0, Attach: 0, Detach: 0, Delete: 0 };
}
