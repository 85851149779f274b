import { request } from 'undici';
import { isAllowedFileHost } from '../config.js';

/** A file as `files.info` describes it: what the bot needs of it. */
export interface SlackFileInfo {
  id: string;
  name: string;
  size?: number | undefined;
  filetype?: string | undefined;
  mimetype?: string | undefined;
  url_private_download?: string | undefined;
}

export type FetchedFile = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export interface FetchOptions {
  botToken: string;
  /** Host names files may come from; a port is not part of the match. */
  allowedHosts: readonly string[];
  maxBytes: number;
  timeoutMs?: number;
}

/** Spreadsheets people share instead of a CSV: said plainly, with what to do. */
const SPREADSHEETS = ['xlsx', 'xls', 'xlsm', 'ods', 'numbers', 'gsheet'];

/**
 * Whether a shared file is one the bot reads, from what Slack says of it: a reason to give the user
 * when it is not. Checked before anything is downloaded.
 */
export function refusalOf(file: SlackFileInfo, maxBytes: number): string | undefined {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (SPREADSHEETS.includes(extension) || SPREADSHEETS.includes(file.filetype ?? '')) {
    return `${file.name} is a spreadsheet. Save it as "CSV UTF-8 (comma delimited)" and share the .csv file.`;
  }
  if (extension !== 'csv' && file.filetype !== 'csv') return `${file.name} is not a .csv file; share the batch as a CSV file.`;
  if (file.size !== undefined && file.size > maxBytes) return `${file.name} is ${megabytes(file.size)}, over the bot's cap of ${megabytes(maxBytes)}. Split it (numbers-csv split) and share the parts.`;
  return undefined;
}

/**
 * Downloads a shared file with the bot's token, only from an allowed host and never past the size
 * cap: the URL comes from a Slack payload, and the token must not be sent anywhere else.
 */
export async function fetchFile(file: SlackFileInfo, options: FetchOptions): Promise<FetchedFile> {
  const url = file.url_private_download;
  if (!url) return { ok: false, reason: `Slack gave no download address for ${file.name}.` };
  if (!isAllowedFileHost(url, options.allowedHosts)) {
    const host = URL.canParse(url) ? new URL(url).hostname : 'an address that is not a URL';
    return { ok: false, reason: `${file.name} is hosted on ${host}, which is not an allowed file host (FILE_HOSTS).` };
  }
  const parsed = new URL(url);
  const timeout = options.timeoutMs ?? 30_000;
  let response;
  try {
    response = await request(parsed, { headers: { authorization: `Bearer ${options.botToken}` }, headersTimeout: timeout, bodyTimeout: timeout });
  } catch {
    return { ok: false, reason: `${file.name} could not be downloaded from Slack; share it again.` };
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    return { ok: false, reason: `Slack answered ${response.statusCode} to the download of ${file.name}; share it again.` };
  }
  // A redirect is not followed (undici does not by default): the token goes to the allowed host only.
  // Without the token Slack answers 200 with its login page: the content says which one came.
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType.includes('text/html')) {
    await response.body.dump();
    return { ok: false, reason: `Slack sent a web page instead of ${file.name}: the bot may lack the files:read scope.` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Uint8Array).byteLength;
    if (size > options.maxBytes) {
      await response.body.dump().catch(() => undefined);
      return { ok: false, reason: `${file.name} is over the bot's cap of ${megabytes(options.maxBytes)}. Split it (numbers-csv split) and share the parts.` };
    }
    chunks.push(chunk as Uint8Array);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
