import { KNOWN_COLUMNS, NULL_TOKEN, isKnownColumn, type ColumnName } from '../domain/columns.js';
import { COUNTRY_CODES } from '../domain/countries.js';
import { readLocale } from '../domain/locale.js';
import { OPERATIONS, operationNamed, type Operation } from '../domain/operations.js';
import { quoteValue } from '../parse/quote-value.js';
import type { Settings } from '../settings.js';
import type { Header, Table } from '../table.js';
import type { ValidationResult } from '../validate.js';
import { canClear, columnMarkdown, columnUse, operationList } from './column-docs.js';
import { fieldAt, textOf, type FieldAt } from './field-at.js';
import type { TextSource } from '../text/text-source.js';
import { OPERATION_DOCS, operationNeeds } from './operation-docs.js';

export type CompletionKind = 'column' | 'operation' | 'provider' | 'locale' | 'country' | 'null';

export interface CompletionCandidate {
  label: string;
  /** What to write when it differs from the label: the label quoted or with its quotes doubled. */
  insertText?: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  kind: CompletionKind;
}

export interface Completions {
  items: CompletionCandidate[];
  /**
   * The text a chosen item replaces, in absolute offsets: the field's value (inside the quotes of a
   * quoted field), on the cursor's line only, as LSP requires of a completion's range.
   */
  start: number;
  end: number;
}

/**
 * Tags offered in LOCALE cells: the languages and regions numbers are most often set up for. Any
 * other BCP 47 tag is valid too; the list only saves typing.
 */
const COMMON_LOCALES = [
  'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA', 'fr-FR', 'fr-CA', 'fr-BE', 'fr-CH', 'de-DE', 'de-AT',
  'de-CH', 'es-ES', 'es-MX', 'es-US', 'it-IT', 'nl-NL', 'nl-BE', 'pt-BR', 'pt-PT', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL',
  'cs-CZ', 'hu-HU', 'ro-RO', 'el-GR', 'tr-TR', 'ru-RU', 'uk-UA', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'zh-HK', 'ar-SA', 'he-IL',
  'hi-IN', 'th-TH', 'id-ID', 'ms-MY', 'vi-VN',
] as const;

/** Only tags the LOCALE check accepts as written, so that no offered value is then flagged. */
const LOCALES: readonly string[] = COMMON_LOCALES.filter((tag) => readLocale(tag).kind === 'valid');
const COUNTRIES: readonly string[] = [...COUNTRY_CODES].sort();

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * What may be written at `offset`: column names in the header (and on the first line of an empty
 * file), the values a known column accepts in a data row, and `<NULL>` where an Update can clear the
 * column. A new empty line is a row whose first field is being typed. Undefined where there is
 * nothing to offer (an unknown column, a free-text column).
 */
export function completionsAt(result: ValidationResult, offset: number, settings: Settings): Completions | undefined {
  const table = result.table;
  const at = fieldAt(table, offset);
  if (!at) return undefined;
  let items: CompletionCandidate[];
  if (at.isHeader) items = columnItems(table.header, at.fieldIndex);
  else if (at.row !== undefined && table.header) items = valueItems(table.header, at, table, settings);
  else return undefined;
  return items.length === 0 ? undefined : placed(table, at, Math.min(Math.max(offset, 0), textOf(table).length), items);
}

/** Known columns the header does not name yet, and the one the cell names, in the export's order. */
function columnItems(header: Header | undefined, index: number): CompletionCandidate[] {
  const taken = new Set(header?.names.filter((_, i) => i !== index));
  return KNOWN_COLUMNS.filter((column) => !taken.has(column)).map((column) => {
    const use = columnUse(column);
    return {
      label: column,
      kind: 'column',
      detail: use.readOnly ? 'read-only, from the export' : `required by ${operationList(use.requiredBy)}`,
      documentation: columnMarkdown(column),
    };
  });
}

function valueItems(header: Header, at: FieldAt, table: Table, settings: Settings): CompletionCandidate[] {
  const column = at.column;
  if (column === undefined || !isKnownColumn(column)) return [];
  const operationIndex = header.columns.OPERATION;
  const operation = operationIndex === undefined ? undefined : operationNamed(at.values[operationIndex] ?? '');
  const items = columnValues(column, table, settings);
  if (operation === 'Update' && canClear(column)) items.push(nullItem(column));
  return items;
}

function columnValues(column: ColumnName, table: Table, settings: Settings): CompletionCandidate[] {
  switch (column) {
    case 'OPERATION':
      return OPERATIONS.map((operation) => operationItem(operation, table, settings));
    case 'PROVIDER':
      return settings.providers.map((provider) => ({
        label: provider,
        kind: 'provider',
        detail: 'provider',
        documentation: `Create acquires the number from ${provider}.`,
      }));
    case 'LOCALE':
      return LOCALES.map((tag) => ({ label: tag, kind: 'locale', ...named(languageNames.of(tag)) }));
    case 'COUNTRY':
      return COUNTRIES.map((country) => ({ label: country, kind: 'country', ...named(regionNames.of(country)) }));
    default:
      return [];
  }
}

function operationItem(operation: Operation, table: Table, settings: Settings): CompletionCandidate {
  const count = table.counts[operation];
  return {
    label: operation,
    kind: 'operation',
    detail: operationNeeds(operation),
    documentation: `${OPERATION_DOCS[operation]}\n\nThis file has ${count} ${operation} row${count === 1 ? '' : 's'}; the limit is ${settings.limits[operation]} per file.`,
  };
}

function nullItem(column: ColumnName): CompletionCandidate {
  return {
    label: NULL_TOKEN,
    kind: 'null',
    detail: `clears ${column}`,
    documentation: `In an Update row, \`${NULL_TOKEN}\` clears ${column}; an empty cell leaves it as it is.`,
  };
}

function named(name: string | undefined): { detail?: string } {
  return name === undefined ? {} : { detail: name };
}

/**
 * The items with the range they replace. With the cursor inside a quoted value, the value inside the
 * quotes is replaced; with it before the opening or after the closing quote, the whole field is.
 */
function placed(table: Table, at: FieldAt, offset: number, items: CompletionCandidate[]): Completions | undefined {
  const inside = offset >= at.valueStart && offset <= at.valueEnd;
  const [start, end] = inside ? [at.valueStart, at.valueEnd] : [at.start, at.end];
  const [lineStart, lineEnd] = onCursorLine(textOf(table), start, end, offset);
  // Replacing part of a quoted field that spans lines from outside its quotes would unbalance them.
  if (!inside && (lineStart !== start || lineEnd !== end)) return undefined;
  const write = (label: string): string =>
    inside && at.quoted ? label.replaceAll('"', '""') : at.quoted ? `"${label.replaceAll('"', '""')}"` : quoteValue(label, table.delimiter);
  return {
    items: items.map((item) => {
      const text = write(item.label);
      return text === item.label ? item : { ...item, insertText: text };
    }),
    start: lineStart,
    end: lineEnd,
  };
}

function onCursorLine(text: TextSource, start: number, end: number, offset: number): [number, number] {
  let from = offset;
  while (from > start && !isLineBreak(text.charCodeAt(from - 1))) from--;
  let to = offset;
  while (to < end && !isLineBreak(text.charCodeAt(to))) to++;
  return [from, to];
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
