/**
 * How the parts of a split file are named: `<base>.part-<n><extension>`, numbered from 1. The command
 * line and the editor name parts, and find the parts an earlier, longer split left behind (which would
 * be applied with the new ones and run rows twice), the same way.
 */
export class SplitPartNames {
  constructor(
    private readonly base: string,
    private readonly extension: string,
  ) {}

  name(number: number): string {
    return `${this.base}.part-${number}${this.extension}`;
  }

  /** The part numbers, among these file names, that lie beyond the `kept` parts just written. */
  stale(names: readonly string[], kept: number): number[] {
    const prefix = `${this.base}.part-`;
    return names
      .filter((name) => name.startsWith(prefix) && name.endsWith(this.extension))
      .map((name) => name.slice(prefix.length, name.length - this.extension.length))
      .filter((number) => /^[1-9]\d*$/.test(number) && Number(number) > kept)
      .map(Number);
  }
}
