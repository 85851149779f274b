import { trimmed } from '../domain/cells.js';
import { KNOWN_COLUMNS, isKnownColumn, normalizeColumnName, type ColumnName } from '../domain/columns.js';
import { operationNamed } from '../domain/operations.js';
import { isBlankRecord } from '../rules/blank-row.js';
import { Row } from '../rules/row.js';
import type { Settings } from '../settings.js';
import type { Header } from '../table.js';
import { closest } from '../text/suggest.js';
import type { ValidationResult } from '../validate.js';
import { columnMarkdown } from './column-docs.js';
import { countsSummary } from './counts-summary.js';
import { fieldAt, type FieldAt } from './field-at.js';
import { OPERATION_DOCS } from './operation-docs.js';
import { describeCell, describeRow } from './row-effect.js';
import { code } from './wording.js';

export interface CellHover {
  markdown: string;
  /** Absolute offsets of the field the hover is about, quotes included. */
  start: number;
  end: number;
}

const FORMAT_NAMES = { e164: 'E.164', uuid: 'UUID' } as const;

/**
 * What to show for the cursor at `offset`: a header cell's meaning and use, or what a data cell
 * and its row ask the platform to do. Undefined where there is nothing to say (a blank line).
 */
export function hoverAt(result: ValidationResult, offset: number, settings: Settings): CellHover | undefined {
  const table = result.table;
  const header = table.header;
  const at = fieldAt(table, offset);
  if (!at || !header) return undefined;
  let markdown: string | undefined;
  if (at.isHeader) markdown = headerHover(header, at.fieldIndex, result, settings);
  else if (at.row !== undefined && !isBlankRecord(at.record)) markdown = rowHover(header, at, at.row, result, settings);
  return markdown === undefined ? undefined : { markdown, start: at.start, end: at.end };
}

function headerHover(header: Header, index: number, result: ValidationResult, settings: Settings): string {
  const name = header.names[index] ?? '';
  if (name === '') return `### Column ${index + 1}\n\nThis column has no name, so the platform would ignore its values.`;
  if (!isKnownColumn(name)) {
    const guess = likelyColumn(header, name);
    return `### ${code(name)}\n\nNot a column the platform knows, so it would ignore its values.${guess ? ` Did you mean ${guess}?` : ''}`;
  }
  const paragraphs = [`### ${name}`, columnMarkdown(name)];
  const here = environmentNote(name, result, settings);
  if (here) paragraphs.push(here);
  const first = header.columns[name];
  if (first !== undefined && first !== index) paragraphs.push(`Column ${first + 1} already has this name; name each column once.`);
  return paragraphs.join('\n\n');
}

/** What the settings and the file add to a column's description. */
function environmentNote(column: ColumnName, result: ValidationResult, settings: Settings): string | undefined {
  switch (column) {
    case 'OPERATION':
      return `In this file: ${countsSummary(result.table, settings).text} (rows / limit per file).`;
    case 'PROVIDER':
      return `Providers accepted here: ${settings.providers.join(', ')}.`;
    case 'NUMBER':
      return `Formats accepted here: ${settings.numberFormats.map((format) => FORMAT_NAMES[format]).join(', ')}.`;
    default:
      return undefined;
  }
}

/** The known column an unknown name most likely means, read as the unknown-column rule reads it. */
function likelyColumn(header: Header, name: string): ColumnName | undefined {
  const free = KNOWN_COLUMNS.filter((column) => header.columns[column] === undefined);
  const normalized = normalizeColumnName(name);
  return free.find((column) => column === normalized) ?? closest(normalized, free);
}

function rowHover(header: Header, at: FieldAt, rowNumber: number, result: ValidationResult, settings: Settings): string {
  const operationIndex = header.columns.OPERATION;
  const operation = operationIndex === undefined ? undefined : operationNamed(at.values[operationIndex] ?? '');
  const row = new Row(at.record, at.values, header, operation);
  const cell = describeCell(row, at.column, trimmed(at.value), at.fieldIndex);
  const title = [`Row ${rowNumber}`, operation ?? 'no operation', ...(cell ? [cell] : [])].join(' · ');
  const paragraphs = [title, describeRow(row)];
  if (operation && cell === undefined) {
    const count = result.table.counts[operation];
    const limit = settings.limits[operation];
    paragraphs.push(`${OPERATION_DOCS[operation]} This file has ${count} ${operation} row${count === 1 ? '' : 's'}; the limit is ${limit} per file.`);
  }
  return paragraphs.join('\n\n');
}
