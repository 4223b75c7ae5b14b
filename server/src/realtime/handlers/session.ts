import { randomUUID } from 'node:crypto';
import {
  Command,
  Fact,
  type JoinRequestSchema,
  type ParticipantId,
  PROTOCOL_VERSION,
  ROLES,
  type Role,
  type WorkshopId,
} from '@plenary/shared';
import type { z } from 'zod';
import { SYSTEM_ACTOR } from '../../domain/commands.ts';
import { CommandError } from '../../errors.ts';
import { assignAudience } from '../../rooms/index.ts';
import type { Workshop } from '../../sessions/workshopRegistry.ts';
import { onCommand } from '../command.ts';
import { snapshotFor } from '../snapshot.ts';
import { channel, type PlenarySocket, type RealtimeContext } from '../types.ts';

type Credential = z.output<typeof JoinRequestSchema>['credential'];

export function registerSessionHandlers(ctx: RealtimeContext, socket: PlenarySocket): void {
  onCommand(socket, ctx.logger, Command.sessionJoin, async ({ protocolVersion, credential }) => {
    if (protocolVersion !== PROTOCOL_VERSION) {
      throw new CommandError(
        'incompatible_protocol',
        `this server speaks protocol ${PROTOCOL_VERSION}, the page ${protocolVersion}: reload the page`,
      );
    }
    if (socket.data.participantId) throw new CommandError('already_joined', 'this connection has already joined');
    const { workshop, participantId } = await identify(ctx, credential);
    const workshopId = workshop.id;
    socket.data = { workshopId, participantId };

    // One live connection per participant: a new tab or a reconnect takes over from the old one.
    const replaced = ctx.presence.attach(socket);
    if (replaced) {
      await ctx.moves.release(replaced);
      replaced.emit(Fact.sessionReplaced, { reason: 'you joined from another window or device' });
      replaced.data = {};
      replaced.disconnect(true);
    }
    await ctx.cluster?.replaceElsewhere(workshopId, participantId, socket);
    if (!workshop.state.participants[participantId]?.connected) {
      await expectAccepted(workshop.execute({ type: 'participant.connected', actor: SYSTEM_ACTOR, participantId }));
    }
    assignAudience(socket, workshop.state);
    const roomChanged = await ctx.moves.join(socket, workshop.state);
    ctx.logger.info({ workshopId, participantId, socketId: socket.id, room: roomChanged.room?.roomId }, 'joined');
    return {
      ...snapshotFor(workshop.state, participantId),
      participantToken: await ctx.tokens.issueParticipant(workshopId, participantId),
      room: roomChanged.room,
      serverNow: ctx.now(),
      ice: ctx.turn.iceServersFor(participantId, ctx.now()),
    };
  });

  onCommand(socket, ctx.logger, Command.sessionLeave, async () => {
    if (!socket.data.participantId) throw new CommandError('not_joined', 'you have not joined');
    await depart(ctx, socket, 0);
    socket.data = {};
    return {};
  });

  socket.on('disconnect', () => {
    void depart(ctx, socket).catch((error: unknown) =>
      ctx.logger.error({ err: error, socketId: socket.id }, 'cleanup after disconnect failed'),
    );
  });
}

/** Verifies the credential; a first visit registers the person with the role their invite names. */
async function identify(
  ctx: RealtimeContext,
  credential: Credential,
): Promise<{ workshop: Workshop; participantId: ParticipantId }> {
  if (credential.kind === 'participant') {
    const claims = await ctx.tokens.verifyParticipant(credential.token);
    const workshop = await ctx.workshops.getLatest(claims.workshopId);
    if (!workshop?.state.participants[claims.participantId]) {
      throw new CommandError('not_found', 'this workshop no longer knows you: use your invitation link again');
    }
    return { workshop, participantId: claims.participantId };
  }
  const claims = await ctx.tokens.verifyInvite(credential.token);
  const role = ROLES.find((candidate): candidate is Role => candidate === claims.role);
  const workshop = await ctx.workshops.getLatest(claims.workshopId);
  if (!workshop || !role)
    throw new CommandError('not_found', 'this invitation is for a workshop that no longer exists');
  const participantId = randomUUID() as ParticipantId;
  const { profile } = credential;
  await expectAccepted(
    workshop.execute({ type: 'participant.register', actor: SYSTEM_ACTOR, participantId, role, ...profile }),
  );
  return { workshop, participantId };
}

/**
 * The connection is gone (or left): its media goes now; the participant counts as disconnected
 * after the grace period unless they are back by then.
 */
async function depart(ctx: RealtimeContext, socket: PlenarySocket, graceMs?: number): Promise<void> {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId) return;
  socket.data.joined = false;
  for (const room of [
    channel.chairs(workshopId),
    channel.others(workshopId),
    channel.participant(workshopId, participantId),
  ]) {
    void socket.leave(room);
  }
  await ctx.moves.release(socket);
  ctx.presence.detach(
    socket,
    () => {
      void stillGone(ctx, workshopId, participantId)
        .then(async (gone) => {
          if (!gone) return;
          const workshop = await ctx.workshops.get(workshopId);
          await workshop?.execute({ type: 'participant.disconnected', actor: SYSTEM_ACTOR, participantId });
        })
        .catch((error: unknown) => ctx.logger.error({ err: error, participantId }, 'could not record a departure'));
    },
    graceMs,
  );
}

/** After the grace period: gone unless they came back on another node (this one's Presence knows its own). */
async function stillGone(ctx: RealtimeContext, workshopId: WorkshopId, participantId: ParticipantId): Promise<boolean> {
  if (!ctx.cluster) return true;
  try {
    return !(await ctx.cluster.connectedAnywhere(workshopId, participantId));
  } catch (error) {
    // Another node did not answer: record the departure; the presence sweep corrects it if wrong.
    ctx.logger.warn({ err: error, participantId }, 'could not ask the other nodes who is connected');
    return true;
  }
}

async function expectAccepted(pending: ReturnType<Workshop['execute']>): Promise<void> {
  const result = await pending;
  if (!result.ok) throw new CommandError(result.error.code, result.error.message);
}
