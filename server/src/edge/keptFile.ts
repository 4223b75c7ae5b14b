import { rename, writeFile } from 'node:fs/promises';

/**
 * Replaces a file whole (write beside, then rename), so a crash or a reader never sees half of it.
 * Keys are the owner's alone; certificates are public and may be copied to devices.
 */
export async function writeAtomically(path: string, content: string, kind: 'key' | 'certificate'): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: kind === 'key' ? 0o600 : 0o644 });
  await rename(temporary, path);
}
