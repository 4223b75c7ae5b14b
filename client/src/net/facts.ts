import { Fact, type FactName, type FactPayloads } from '@plenary/shared';
import type { PlenarySocket } from './socket.ts';

/** Every fact the server can broadcast, as one union a `switch` can exhaust. */
export type FactEvent = { [F in FactName]: { name: F; payload: FactPayloads[F] } }[FactName];

/** Facts about the workshop and about moving between rooms: the session orders and applies them itself. */
type SessionFactName = typeof Fact.workshopChanged | typeof Fact.roomChanged;

/** Facts of the shared notes documents (not shown by this client yet). */
export type NotesFactName = typeof Fact.notesUpdated | typeof Fact.notesAwarenessUpdated;

/** Facts about the media room this tab is in. */
export type MediaFactEvent = Exclude<FactEvent, { name: SessionFactName | NotesFactName }>;

/**
 * Routes every fact in the protocol into one handler, so a fact added in `shared/` reaches the
 * `switch` statements (which end in `assertNever`) instead of being silently dropped here.
 * Returns the unbinding function.
 */
export function bindFacts(socket: PlenarySocket, handle: (event: FactEvent) => void): () => void {
  // Listeners are registered through the untyped view: the name/payload pairing is restored by
  // `FactEvent`, and the server is the authority on payload shapes.
  const emitter = socket as unknown as {
    on(name: string, listener: (payload: unknown) => void): void;
    off(name: string, listener: (payload: unknown) => void): void;
  };
  const bound = Object.values(Fact).map((name) => {
    const listener = (payload: unknown) => handle({ name, payload } as FactEvent);
    emitter.on(name, listener);
    return () => emitter.off(name, listener);
  });
  return () => {
    for (const unbind of bound) unbind();
  };
}
