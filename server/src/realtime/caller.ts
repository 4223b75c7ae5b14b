import { isChair, type Participant, type ParticipantId } from '@plenary/shared';
import { CommandError } from '../errors.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import type { PlenarySocket, RealtimeContext } from './types.ts';

export interface Caller {
  workshop: Workshop;
  participantId: ParticipantId;
  /** undefined only in the moment between a join and its registration */
  participant: Participant | undefined;
}

/** The workshop and participant a connection acts as; refused with `not_joined` before a join. */
export async function callerOf(ctx: RealtimeContext, socket: PlenarySocket): Promise<Caller> {
  const { workshopId, participantId } = socket.data;
  const workshop = workshopId && (await ctx.workshops.get(workshopId));
  if (!workshop || !participantId) throw new CommandError('not_joined', 'join a workshop first');
  return { workshop, participantId, participant: workshop.state.participants[participantId] };
}

/** The same, for what only facilitators do: anyone else is refused with `refusal`. */
export async function chairOf(ctx: RealtimeContext, socket: PlenarySocket, refusal: string): Promise<Caller> {
  const caller = await callerOf(ctx, socket);
  if (!isChair(caller.participant?.role ?? 'observer')) throw new CommandError('forbidden', refusal);
  return caller;
}
