import { type LibraryItem, libraryFilePath, libraryUploadPath } from '@plenary/shared';
import type { Failure } from '../../i18n/message.ts';
import { refusalOf, UNREACHABLE } from '../../net/refusal.ts';
import { type Fetch, fileNameFrom } from '../report/download.ts';

export type UploadResult = { ok: true; item: LibraryItem } | { ok: false; error: Failure };
export type FileResult = { ok: true; blob: Blob; fileName: string } | { ok: false; error: Failure };

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
    return { ok: false, error: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
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
    return { ok: false, error: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  const blob = await response.blob();
  return { ok: true, blob, fileName: fileNameFrom(response.headers.get('content-disposition'), item.name) };
}
