import { isChair, type WorkshopState } from '@plenary/shared';
import { channel, type PlenarySocket } from '../realtime/types.ts';

/**
 * Chairs and everyone else hear different versions of each change (see planBroadcast): a connection
 * listens on its role's channel, and on its own. Idempotent.
 */
export function assignAudience(socket: PlenarySocket, state: WorkshopState): void {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId) return;
  const chair = isChair(state.participants[participantId]?.role ?? 'observer');
  void socket.leave(chair ? channel.others(workshopId) : channel.chairs(workshopId));
  void socket.join([
    channel.participant(workshopId, participantId),
    (chair ? channel.chairs : channel.others)(workshopId),
  ]);
}
