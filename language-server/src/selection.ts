/** The language the extension gives `*.numbers.csv` files; other clients can use it too. */
export const LANGUAGE_ID = 'numbers-csv';

/** Plain CSV documents are served when their header makes them numbers CSV files. */
export const CSV_LANGUAGE_ID = 'csv';

/** Languages whose documents are kept (a `csv` one may start or stop being served as it is edited). */
export function isTracked(languageId: string): boolean {
  return languageId === LANGUAGE_ID || languageId === CSV_LANGUAGE_ID;
}

/**
 * Whether a document is validated: every `numbers-csv` one, and a `csv` one whose header (its first
 * non-blank line) names NUMBER and OPERATION. Only that line is read, so the check costs nothing on
 * each edit of a large file.
 */
export function isServed(languageId: string, text: string): boolean {
  if (languageId === LANGUAGE_ID) return true;
  if (languageId !== CSV_LANGUAGE_ID) return false;
  const header = firstNonBlankLine(text);
  if (header === undefined) return false;
  // Any of the separators the core sniffs, and names in any case or quotes: the validator reports
  // those mistakes, which it can only do if the file is served.
  const names = new Set(header.split(/[,;\t]/).map((name) => name.replace(/"/g, '').trim().toUpperCase()));
  return names.has('NUMBER') && names.has('OPERATION');
}

function firstNonBlankLine(text: string): string | undefined {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = start;
    const found = match.exec(text);
    const end = found ? found.index : text.length;
    const line = text.slice(start, end);
    // Blank as the core sees it: separators, quotes and spaces only (`,,,` left by a spreadsheet).
    if (!/^[\s,;\t"]*$/.test(line)) return line;
    if (!found) return undefined;
    start = end + found[0].length;
  }
  return undefined;
}
