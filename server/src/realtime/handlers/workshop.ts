import { Command } from '@plenary/shared';
import { createInvites } from '../../auth/invites.ts';
import { previewCsvAssignment } from '../../domain/csvAssignment.ts';
import { CommandError } from '../../errors.ts';
import { callerOf, chairOf } from '../caller.ts';
import { onCommand } from '../command.ts';
import { snapshotFor } from '../snapshot.ts';
import type { PlenarySocket, RealtimeContext } from '../types.ts';

/** Agenda, queue, breakouts, chat, polls, proposals: the domain decides, this only routes. */
export function registerWorkshopHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.workshopCommand, async (request) => {
    const { workshop, participantId } = await callerOf(ctx, socket);
    const result = await workshop.execute({ ...request, actor: participantId });
    if (!result.ok) throw new CommandError(result.error.code, result.error.message);
    const revision = result.state.revision;
    return result.created ? { revision, created: result.created } : { revision };
  });

  onCommand(socket, ctx.logger, Command.workshopSnapshot, async () => {
    const { workshop, participantId } = await callerOf(ctx, socket);
    // Asked after a gap: never older than what other server nodes have told the client already.
    await ctx.workshops.getLatest(workshop.id);
    return snapshotFor(workshop.state, participantId);
  });

  onCommand(socket, ctx.logger, Command.breakoutsPreviewCsv, async ({ setId, csv }) => {
    const { workshop } = await chairOf(ctx, socket, 'only facilitators import assignments');
    const set = workshop.state.breakouts.sets.find((candidate) => candidate.id === setId);
    if (!set) throw new CommandError('not_found', 'no such breakout set');
    return previewCsvAssignment(workshop.state, set, csv);
  });

  onCommand(socket, ctx.logger, Command.workshopCreateInvites, async () => {
    const { workshop } = await chairOf(ctx, socket, 'only facilitators hand out invitations');
    return { invites: await createInvites(ctx, workshop) };
  });
}
