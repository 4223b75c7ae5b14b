import { unzipSync } from 'fflate';

/** The document types the library accepts, recognised by their bytes, never by the file name. */
export const LIBRARY_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;
export type LibraryType = keyof typeof LIBRARY_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * What a file really is, from its content. Office documents are ZIP packages: which one is told by
 * the parts inside (`word/`, `ppt/`, `xl/` next to `[Content_Types].xml`), not by the extension.
 * Returns null for anything else, including a ZIP that is not an Office document.
 */
export function sniffType(file: Uint8Array): LibraryType | null {
  if (startsWith(file, ascii('%PDF-'))) return 'pdf';
  if (startsWith(file, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(file, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(file, ascii('GIF87a')) || startsWith(file, ascii('GIF89a'))) return 'gif';
  if (startsWith(file, ascii('RIFF')) && startsWith(file, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(file, [0x50, 0x4b, 0x03, 0x04])) return officeType(file);
  return null;
}

function officeType(file: Uint8Array): LibraryType | null {
  let names: string[];
  try {
    // Only the names are wanted: the filter sees each entry and keeps none, so nothing is inflated.
    names = [];
    unzipSync(file, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.startsWith('word/'))) return 'docx';
  if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  return null;
}

/**
 * A name safe to store and to send back in Content-Disposition: the last path segment, no control
 * characters or reserved punctuation, bounded; the extension follows the real type.
 */
export function safeFileName(requested: string, type: LibraryType): string {
  const base = requested.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${type === 'jpeg' ? 'jpg' : type}`;
}
