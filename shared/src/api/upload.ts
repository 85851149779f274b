import { Blob } from 'node:buffer';
import { FormData } from 'undici';
import { APPLY_FILE_PART } from './contract.js';

export const DEFAULT_UPLOAD_FILENAME = 'operations.csv';

/**
 * The multipart body of an apply: the CSV in the part `file`, as text/csv. The bytes are sent as
 * given (a string as UTF-8): the file was validated as it is, and the platform must get the same.
 */
export function applyForm(csv: string | Uint8Array, filename: string = DEFAULT_UPLOAD_FILENAME): FormData {
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  const form = new FormData();
  form.append(APPLY_FILE_PART, new Blob([bytes], { type: 'text/csv' }), filename);
  return form;
}
