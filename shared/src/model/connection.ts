/**
 * How someone's media reaches the server, as the room is told: `connecting` from their first
 * transport until it is through, `notConnected` when it could not be (or was lost).
 */
export const PEER_MEDIA_STATES = ['connecting', 'connected', 'notConnected'] as const;
export type PeerMediaState = (typeof PEER_MEDIA_STATES)[number];

/** The path a transport's media takes: straight to the server, or relayed by TURN over what. */
export const MEDIA_PATHS = ['udp', 'tcp', 'relay-udp', 'relay-tcp', 'relay-tls'] as const;
export type MediaPath = (typeof MEDIA_PATHS)[number];

/** How good a link is, graded from its round-trip time, loss and available bitrate. */
export const LINK_QUALITIES = ['good', 'fair', 'poor'] as const;
export type LinkQuality = (typeof LINK_QUALITIES)[number];

/** What the room knows of one person's media connection. */
export interface PeerConnectionInfo {
  state: PeerMediaState;
  /** as the person's own browser last measured it; null until it has */
  quality: LinkQuality | null;
}
