import { type LibraryItem, libraryFilePath, libraryUploadPath } from '@plenary/shared';
import { type Fetch, fileNameFrom } from '../report/download.ts';

export type UploadResult = { ok: true; item: LibraryItem } | { ok: false; message: string };
export type FileResult = { ok: true; blob: Blob; fileName: string } | { ok: false; message: string };

const UNREACHABLE = 'Cannot reach the Plenary server. Check your connection and try again.';

/** The sentence a refusal's JSON body carries (`{error:{message}}`), else its status. */
export async function refusalOf(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = typeof body === 'object' && body !== null ? (body as { error?: { message?: unknown } }).error : null;
  if (typeof error?.message === 'string') return error.message;
  if (response.status === 413) return 'the file is too large';
  if (response.status === 415) return 'this kind of file is not accepted';
  return `the server answered ${response.status}`;
}

/** Sends a document's bytes to the workshop's library, in the given scope (`workshop`, `agendaItem:<id>`, `room:<id>`). */
export async function uploadDocument(
  { workshopId, file, scope, token }: { workshopId: string; file: File; scope: string; token: string },
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<UploadResult> {
  let response: Response;
  try {
    response = await fetchImpl(libraryUploadPath(workshopId, file.name, scope), {
      method: 'POST',
      body: file,
      // Always opaque bytes: the server recognises the type from them, and no body parser touches them.
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    });
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, message: `${file.name} was not added: ${await refusalOf(response)}.` };
  const body = (await response.json()) as { libraryItem: LibraryItem };
  return { ok: true, item: body.libraryItem };
}

/** A document's bytes, fetched with the participant token. */
export async function fetchDocument(
  { workshopId, item, token }: { workshopId: string; item: Pick<LibraryItem, 'id' | 'name'>; token: string },
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<FileResult> {
  let response: Response;
  try {
    response = await fetchImpl(libraryFilePath(workshopId, item.id), { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, message: `${item.name} could not be opened: ${await refusalOf(response)}.` };
  const blob = await response.blob();
  return { ok: true, blob, fileName: fileNameFrom(response.headers.get('content-disposition'), item.name) };
}
