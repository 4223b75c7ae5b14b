import { Command } from '@plenary/shared';
import { CommandError } from '../../errors.ts';
import { onCommand } from '../command.ts';
import type { PlenarySocket, RealtimeContext } from '../types.ts';

/** Fresh TURN credentials for the caller, asked for before those from the join answer expire. */
export function registerIceHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.mediaRefreshIceServers, () => {
    const { participantId } = socket.data;
    if (!participantId) throw new CommandError('not_joined', 'join the workshop before asking for ICE servers');
    return ctx.turn.iceServersFor(participantId, ctx.now());
  });
}
