import { type ExportFile, exportPath } from '@plenary/shared';
import type { Failure } from '../../i18n/message.ts';
import { refusalOf, UNREACHABLE } from '../../net/refusal.ts';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;
export type Save = (blob: Blob, fileName: string) => void;

export type DownloadResult = { ok: true; fileName: string } | { ok: false; error: Failure };

/** The file name a `Content-Disposition` header gives (RFC 6266: `filename*` wins over `filename`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name?.trim() || fallback;
}

/**
 * Fetches one of the workshop's exports with the participant token (the server lets chairs only)
 * and hands it to `save`. Failures come back as the reason, never thrown.
 */
export async function downloadExport(
  { workshopId, file, token }: { workshopId: string; file: ExportFile; token: string },
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  save: Save = saveBlob,
): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetchImpl(exportPath(workshopId, file), { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  const blob = await response.blob();
  const fileName = fileNameFrom(response.headers.get('content-disposition'), file);
  save(blob, fileName);
  return { ok: true, fileName };
}

/** The browser's download of an in-memory file. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
