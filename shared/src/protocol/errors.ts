export const ERROR_CODES = [
  'invalid_payload',
  'incompatible_protocol',
  'not_joined',
  'already_joined',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'media_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}
