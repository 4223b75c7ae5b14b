/**
 * Bumped on any change a client of the previous version would misread. The server refuses a join
 * from another version with `incompatible_protocol`, so an old tab reloads instead of misbehaving.
 */
export const PROTOCOL_VERSION = 2;
