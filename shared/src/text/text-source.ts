/**
 * What reading a text needs: a string is one, and so is a document kept as pieces, which answers
 * without becoming one string (a 13 MiB string copied on every keystroke is what a large file's
 * editing would cost otherwise).
 */
export interface TextSource {
  readonly length: number;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  slice(start: number, end?: number): string;
}
