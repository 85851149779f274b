/** "a", "a and b", "a, b and c"; past `max` items, "a, b, c and 4 more". */
export function listed(items: readonly string[], max = 5): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`;
}

/** `"value"`, or `(empty)`: a message must show that a value is empty, not print nothing. */
export function quoted(value: string): string {
  return value === '' ? '(empty)' : `"${value}"`;
}
