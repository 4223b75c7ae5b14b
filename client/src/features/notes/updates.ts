import { type Binary, MAX_NOTES_UPDATE_BYTES } from '@plenary/shared';
import * as Y from 'yjs';

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

/**
 * What to send once the server said what it has (`serverState`, a state vector): whatever it
 * lacks (offline edits, updates whose acknowledgement was lost) in one update; when that is too big
 * for one frame, the queued updates themselves go instead.
 */
export function toSendAfterOpening(doc: Y.Doc, queue: Uint8Array[], serverState: Uint8Array): Uint8Array[] {
  const missing = Y.encodeStateAsUpdate(doc, serverState);
  const hasNews = queue.length > 0 || Y.decodeUpdate(missing).structs.length > 0;
  return hasNews && missing.byteLength <= MAX_NOTES_UPDATE_BYTES ? [missing] : queue;
}
