import type { Binary } from '@plenary/shared';

/** Binary from the wire as bytes: browsers receive an ArrayBuffer, Node a Buffer (a Uint8Array). */
export const bytes = (data: Binary): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** The oldest queued updates that fit in one frame together (at least one). */
export function takeBatch(queue: readonly Uint8Array[], maxBytes: number, maxCount = Infinity): Uint8Array[] {
  const batch: Uint8Array[] = [];
  let size = 0;
  for (const update of queue) {
    if (batch.length > 0 && (size + update.byteLength > maxBytes || batch.length >= maxCount)) break;
    batch.push(update);
    size += update.byteLength;
  }
  return batch;
}
