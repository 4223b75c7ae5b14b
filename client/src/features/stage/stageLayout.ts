import type { ParticipantId } from '@plenary/shared';

export interface StageInput {
  /** The people in the room, in room order (self first, then by arrival). */
  peerIds: readonly ParticipantId[];
  selfId: ParticipantId | null;
  activeSpeakerId: ParticipantId | null;
  /** Who shares a screen here (not us: our own share is never shown back to us), oldest first. */
  screens: readonly ParticipantId[];
  /** Heard here without being here: a chair speaking to every breakout room from elsewhere. */
  guests: readonly ParticipantId[];
}

export interface TileSpec {
  participantId: ParticipantId;
  guest: boolean;
  /** Shown first and larger: the active speaker in a room too large for everyone to be big. */
  spotlight: boolean;
}

export type StageLayout =
  | { kind: 'gallery'; tiles: TileSpec[] }
  /** The newest share large; the people, and any other share, small beside it. */
  | { kind: 'share'; screen: ParticipantId; otherScreens: ParticipantId[]; tiles: TileSpec[] };

/** From this many tiles, tiles are small enough that the one who speaks deserves a bigger one. */
export const SPOTLIGHT_FROM = 6;

/**
 * What the stage shows and in what order. Guests come first (a facilitator addressing every room
 * matters more than the room's own chatter); the active speaker, unless it is us, moves to the
 * front in a large room or beside a shared screen, where tiles are too small to find them.
 */
export function arrangeStage({ peerIds, selfId, activeSpeakerId, screens, guests }: StageInput): StageLayout {
  const tiles: TileSpec[] = [
    ...guests.map((participantId) => ({ participantId, guest: true, spotlight: false })),
    ...peerIds.map((participantId) => ({ participantId, guest: false, spotlight: false })),
  ];
  const screen = screens.at(-1);
  const crowded = screen !== undefined || tiles.length >= SPOTLIGHT_FROM;
  const speaker = tiles.findIndex((tile) => tile.participantId === activeSpeakerId);
  let ordered = tiles;
  if (crowded && speaker !== -1 && activeSpeakerId !== selfId) {
    const rest = tiles.filter((_, index) => index !== speaker);
    ordered = [{ ...(tiles[speaker] as TileSpec), spotlight: screen === undefined }, ...rest];
  }
  if (screen === undefined) return { kind: 'gallery', tiles: ordered };
  return { kind: 'share', screen, otherScreens: screens.slice(0, -1), tiles: ordered };
}
