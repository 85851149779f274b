import { APPLY_FILE_PART } from '@numbers-csv/shared';

export type Upload = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * The bytes of the upload's `file` part. The body is parsed by the fetch API's own multipart reader,
 * which Node carries, so that the sandbox reads uploads as a standard server would.
 */
export async function uploadedFile(body: Buffer, contentType: string | undefined): Promise<Upload> {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType)) {
    return { ok: false, message: `The upload must be multipart/form-data with the CSV in a part named "${APPLY_FILE_PART}"; it was ${contentType ?? 'sent without a Content-Type'}.` };
  }
  let form: FormData;
  try {
    form = await new Request('http://sandbox.invalid/', { method: 'PUT', headers: { 'content-type': contentType }, body }).formData();
  } catch (error) {
    return { ok: false, message: `The multipart body could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const part = form.get(APPLY_FILE_PART);
  if (part === null) return { ok: false, message: `The upload has no part named "${APPLY_FILE_PART}"; put the CSV there.` };
  if (typeof part === 'string') return { ok: true, bytes: new TextEncoder().encode(part) };
  return { ok: true, bytes: new Uint8Array(await part.arrayBuffer()) };
}
