/**
 * Rooms: which media room each connection on this node is in, and how it gets from one to another.
 *
 * How a move flows (breakouts opening: 500 people into 50 rooms at once)
 *
 *  1. A command is accepted and stored: the workshop session runs one command at a time per
 *     workshop (sessions/workshopSession.ts), then calls `publishChange` (realtime/publish.ts). A
 *     change decided here is broadcast first; one replayed from another node was broadcast there.
 *  2. Who moved: `followChange` reads it off the states before and after (`movesBetween`), and
 *     whose role changed (their audience channel changes at once). Only this node's connections are
 *     touched; every node does the same for its own. A replica that jumped to a snapshot re-places all.
 *  3. Per-participant queue (`RoomMoves`): each mover's step waits behind that participant's earlier
 *     steps (join, move, leave), never behind anyone else's. When its turn comes it reads the latest
 *     state, so it lands where the workshop says now; a step that fails is retried until it lands
 *     or the connection goes.
 *  4. Leave the old room (`RoomDoors`, batched per room): the connection leaves the room's channel
 *     at once; its media goes in the room's next registry turn together with everyone else who
 *     left meanwhile, and those staying hear one `peerLeft` naming them all.
 *  5. Enter the new room (`RoomDoors`, batched per room): everyone at the door when the room's turn
 *     comes goes in together, in one registry change: 500 people entering 50 rooms make 50 changes.
 *  6. Told: the movers get `roomChanged` with the room (who is in it, its producers, its router's
 *     capabilities), one emit per distinct whereabouts, in the same step that joins them to the
 *     room's channel, so no fact of the room reaches them before the room; those already there get
 *     one `peerJoined` naming every newcomer.
 *  7. Media: `LiveRoom.enter`/`exit` add or drop the participant in the room's `MediaRoom`
 *     (media/mediaRoom.ts); on `roomChanged` the client builds its transports there afresh.
 *
 * What is queued where, and why
 *  - per workshop (WorkshopSession): commands, so two never decide against the same state.
 *  - per participant (`RoomMoves`, the only queue a participant's room steps use): a participant is
 *    out of one room before entering the next, and a leave never overtakes a join on its way in.
 *  - per room, batched (`RoomDoors`): arrivals and departures that reach a room while its previous
 *    change is under way wait and go through together, so the registry, the room's members and
 *    Socket.IO's encoder see one change per room rather than one per person (bench/breakoutMove.ts).
 *  - per room, serial (`RoomRegistry`): one change of a room at a time, so two first arrivals make
 *    one router, and a room is closed only when its last person is out, never under an arrival.
 */
export { assignAudience } from './audience.ts';
export { followChange } from './followChange.ts';
export type { LiveRoom } from './liveRoom.ts';
export { RoomMoves } from './moves.ts';
export { type MediaRoomFactory, RoomRegistry } from './roomRegistry.ts';
