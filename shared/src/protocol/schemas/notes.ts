import { z } from 'zod';
import { RoomIdSchema } from '../../ids.ts';

/** The Yjs XML fragment the notes editor keeps its document in (y-prosemirror's default name). */
export const NOTES_FRAGMENT = 'prosemirror';

/** One Yjs update (a keystroke, a paste, an offline session's edits); the frame cap is 100 KB. */
export const MAX_NOTES_UPDATE_BYTES = 64_000;

/** Binary data: Socket.IO delivers it as a Buffer in Node, an ArrayBuffer or Uint8Array in browsers. */
const binary = (max: number) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected binary data')
    .refine((value) => value.byteLength <= max, `at most ${max} bytes`);

export const NotesOpenRequestSchema = z.strictObject({ roomId: RoomIdSchema, stateVector: binary(16_000) });
export const NotesUpdateRequestSchema = z.strictObject({
  roomId: RoomIdSchema,
  update: binary(MAX_NOTES_UPDATE_BYTES),
});
export const NotesCloseRequestSchema = z.strictObject({ roomId: RoomIdSchema });
/** Cursors and who is typing (y-protocols awareness): relayed, never stored. */
export const NotesAwarenessRequestSchema = z.strictObject({ roomId: RoomIdSchema, update: binary(8_000) });
