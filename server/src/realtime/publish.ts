import { Fact, type WorkshopState } from '@plenary/shared';
import { followChange } from '../rooms/index.ts';
import type { Workshop } from '../sessions/workshopRegistry.ts';
import type { Change } from '../sessions/workshopSession.ts';
import { channel, type RealtimeContext } from './types.ts';
import { planBroadcast } from './workshopBroadcast.ts';

/**
 * After any change of a workshop this node holds. A change decided here is told to everyone, on
 * every node (through the adapter, when there are several); a replica's change was told by the
 * node that decided it. Either way, this node's own connections are re-placed here.
 */
export function publishChange(
  ctx: RealtimeContext,
  workshop: Workshop,
  { before, after, origin, entry }: Change<WorkshopState>,
): void {
  if (origin === 'local') tellEveryone(ctx, workshop, before, after);
  followChange(ctx, workshop, entry === null ? null : before, after);
}

/** One emit per distinct payload: Socket.IO encodes a broadcast once for all its recipients. */
function tellEveryone(ctx: RealtimeContext, workshop: Workshop, before: WorkshopState, after: WorkshopState): void {
  const workshopId = workshop.id;
  const plan = planBroadcast(before, after);
  const personal = plan.personal.flatMap((group) =>
    group.participantIds.map((participantId) => channel.participant(workshopId, participantId)),
  );
  ctx.io.to(channel.chairs(workshopId)).except(personal).emit(Fact.workshopChanged, plan.chairs);
  ctx.io.to(channel.others(workshopId)).except(personal).emit(Fact.workshopChanged, plan.public);
  for (const group of plan.personal) {
    const recipients = group.participantIds.map((participantId) => channel.participant(workshopId, participantId));
    ctx.io.to(recipients).emit(Fact.workshopChanged, group.change);
  }
}
