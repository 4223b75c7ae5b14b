import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LIBRARY_TYPES, type LibraryType, safeFileName, sniffType } from './fileTypes.ts';

export interface StoredFile {
  sha256: string;
  size: number;
  type: LibraryType;
  mime: string;
  name: string;
  /** false when the same content was already stored */
  created: boolean;
}

export class UploadRejected extends Error {
  constructor(
    readonly status: 413 | 415 | 400,
    readonly code: 'too_large' | 'unsupported_type' | 'invalid_payload',
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejected';
  }
}

/**
 * Uploaded documents on disk, one file per content (named by its SHA-256), so the same deck
 * uploaded twice or copied to the next edition is stored once. An upload is streamed to a temporary
 * file while it is hashed and counted; it is kept only if it is within the size limit and really is
 * one of the accepted types. Anything rejected, or interrupted, leaves nothing behind.
 */
export class FileStore {
  private readonly filesDir: string;
  private readonly tmpDir: string;

  constructor(
    root: string,
    readonly maxBytes: number,
  ) {
    this.filesDir = join(root, 'files');
    this.tmpDir = join(root, 'files', 'incoming');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  async receive(body: Readable, requestedName: string): Promise<StoredFile> {
    const temporary = join(this.tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const { maxBytes } = this;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) {
          done(new UploadRejected(413, 'too_large', `files are limited to ${Math.round(maxBytes / 1_000_000)} MB`));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temporary, { flags: 'wx' }));
      if (size === 0) throw new UploadRejected(400, 'invalid_payload', 'the file is empty');
      const type = sniffType(await readFile(temporary));
      if (!type) {
        throw new UploadRejected(
          415,
          'unsupported_type',
          'only PDF, Word, PowerPoint, Excel and image files are accepted',
        );
      }
      const sha256 = hash.digest('hex');
      const target = this.path(sha256);
      const created = !existsSync(target);
      if (created) await rename(temporary, target);
      else await rm(temporary);
      return { sha256, size, type, mime: LIBRARY_TYPES[type], name: safeFileName(requestedName, type), created };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a content hash');
    return join(this.filesDir, sha256);
  }

  /** Removes a file this upload created, when what it was for was refused after all. */
  async discard(file: StoredFile): Promise<void> {
    if (file.created) await rm(this.path(file.sha256), { force: true });
  }

  has(sha256: string): boolean {
    return existsSync(this.path(sha256));
  }
}
