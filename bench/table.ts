/** `≤ 20 ms: met`: a target and whether this run met it. */
export function verdict(met: boolean, target: string): string {
  return `${target}: ${met ? 'met' : 'MISSED'}`;
}

/** A measure per line: names left-aligned, values right-aligned, then the target. */
export function printTable(head: [string, string, string], rows: readonly [string, string, string][]): void {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((row) => row[c]?.length ?? 0)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
