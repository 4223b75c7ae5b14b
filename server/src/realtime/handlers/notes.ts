import { Command, Fact, type RoomId, type WorkshopState } from '@plenary/shared';
import { canReadChannel } from '../../domain/chat.ts';
import { CommandError } from '../../errors.ts';
import { notesDocKey } from '../../notes/docKey.ts';
import { callerOf } from '../caller.ts';
import { onCommand } from '../command.ts';
import { channel, type PlenarySocket, type RealtimeContext } from '../types.ts';

const roomExists = (state: WorkshopState, roomId: RoomId): boolean =>
  roomId === state.plenaryRoomId || state.breakouts.sets.some((set) => set.rooms.some((room) => room.id === roomId));

/**
 * Collaborative notes over the same connection: a client opens a room's document (getting what it
 * lacks), sends its updates (acknowledged once stored), and hears everyone else's. Who may read a
 * room's notes is who may read its chat; observers read only.
 */
export function registerNotesHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  const opened = new Set<string>();

  const access = async (roomId: RoomId) => {
    const { workshop, participantId, participant } = await callerOf(ctx, socket);
    const { state } = workshop;
    if (!roomExists(state, roomId)) throw new CommandError('not_found', 'no such room');
    if (!canReadChannel(state, participantId, { kind: 'room', roomId })) {
      throw new CommandError('forbidden', 'these notes belong to a room you are not in');
    }
    const readOnly = participant?.role === 'observer';
    return { workshopId: workshop.id, docKey: notesDocKey(workshop.id, roomId), readOnly };
  };

  onCommand(socket, ctx.logger, Command.notesOpen, async ({ roomId, stateVector }) => {
    const { workshopId, docKey, readOnly } = await access(roomId);
    if (!opened.has(docKey)) {
      await ctx.notes.open(docKey);
      opened.add(docKey);
      void socket.join(channel.notes(workshopId, roomId));
    }
    return { ...(await ctx.notes.diff(docKey, stateVector)), readOnly };
  });

  onCommand(socket, ctx.logger, Command.notesUpdate, async ({ roomId, update }) => {
    const { workshopId, docKey, readOnly } = await access(roomId);
    if (readOnly) throw new CommandError('forbidden', 'observers read the notes but do not edit them');
    if (!opened.has(docKey)) throw new CommandError('conflict', 'open the notes first');
    await ctx.notes.apply(docKey, update);
    socket.to(channel.notes(workshopId, roomId)).emit(Fact.notesUpdated, { roomId, update });
    return {};
  });

  onCommand(socket, ctx.logger, Command.notesAwareness, async ({ roomId, update }) => {
    const { workshopId, docKey } = await access(roomId);
    if (!opened.has(docKey)) throw new CommandError('conflict', 'open the notes first');
    socket.to(channel.notes(workshopId, roomId)).emit(Fact.notesAwarenessUpdated, { roomId, update });
    return {};
  });

  onCommand(socket, ctx.logger, Command.notesClose, ({ roomId }) => {
    const { workshopId } = socket.data;
    if (!workshopId) throw new CommandError('not_joined', 'join a workshop first');
    const docKey = notesDocKey(workshopId, roomId);
    if (opened.delete(docKey)) {
      ctx.notes.release(docKey);
      void socket.leave(channel.notes(workshopId, roomId));
    }
    return {};
  });

  socket.on('disconnect', () => {
    for (const docKey of opened) ctx.notes.release(docKey);
    opened.clear();
  });
}
