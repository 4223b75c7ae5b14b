import type { Participant, WorkshopId } from '@plenary/shared';
import type { Request } from 'express';
import { CommandError } from '../errors.ts';
import type { RealtimeContext } from '../realtime/types.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';

/** HTTP status for a refusal, by its protocol code. */
export const HTTP_STATUS: Record<string, number> = {
  forbidden: 403,
  not_found: 404,
  invalid_payload: 400,
  conflict: 409,
};

/**
 * Who is calling, from `Authorization: Bearer <participant token>` (the token a join answer gave):
 * a participant of the workshop named in the path. Browsers send it from `fetch`, never in a URL.
 */
export async function authenticate(
  req: Request,
  ctx: Pick<RealtimeContext, 'tokens' | 'workshops'>,
  workshopId: WorkshopId,
): Promise<{ workshop: Workshop; participant: Participant }> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw new CommandError('forbidden', 'send your participant token as `Authorization: Bearer …`');
  const claims = await ctx.tokens.verifyParticipant(token);
  // Up to date with other nodes: a report or upload reflects everything decided before the request.
  const workshop = claims.workshopId === workshopId ? await ctx.workshops.getLatest(workshopId) : undefined;
  const participant = workshop?.state.participants[claims.participantId];
  if (!workshop || !participant) throw new CommandError('not_found', 'no such workshop');
  return { workshop, participant };
}
