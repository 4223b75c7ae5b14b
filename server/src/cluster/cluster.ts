import { ClusterEvent, Fact, type ParticipantId, type WorkshopId } from '@plenary/shared';
import { type ClusterPeers, channel, type PlenarySocket, type RealtimeContext } from '../realtime/types.ts';
import type { StoredCommand } from '../store/store.ts';
import { PresenceSweep } from './presenceSweep.ts';

export interface Cluster extends ClusterPeers {
  /** a command was stored here: nodes holding the workshop replay it */
  committed(workshopId: WorkshopId, entry: StoredCommand): void;
  /** a notes update was stored here: nodes holding the document apply it */
  notesStored(docKey: string, seq: number, update: Uint8Array): void;
  stop(): void;
}

const asBytes = (data: Uint8Array | ArrayBuffer): Uint8Array =>
  data instanceof Uint8Array ? data : new Uint8Array(data);

/**
 * This node's part in a cluster of nodes sharing workshops through one database and one Redis.
 * Any node decides any command (the store's log arbitrates, see WorkshopSession); each tells the
 * others what it stored, so their copies, and the connections they hold, follow at once.
 */
export function joinCluster(ctx: RealtimeContext, options: { graceMs: number }): Cluster {
  const { io, logger } = ctx;
  io.on(ClusterEvent.workshopCommitted, ({ workshopId, entry }) => {
    ctx.workshops
      .received(workshopId, entry)
      .catch((error: unknown) =>
        logger.error({ err: error, workshopId }, 'could not replay a change from another node'),
      );
  });
  io.on(ClusterEvent.notesStored, ({ docKey, seq, update }) => {
    ctx.notes
      .received(docKey, seq, asBytes(update))
      .catch((error: unknown) => logger.error({ err: error, docKey }, 'could not apply notes from another node'));
  });

  const sweepMs = Math.min(15_000, Math.max(250, Math.round(options.graceMs / 4)));
  const sweep = new PresenceSweep(ctx, logger, options.graceMs, sweepMs);
  sweep.start();

  const socketsOf = (workshopId: WorkshopId, participantId: ParticipantId) =>
    io.in(channel.participant(workshopId, participantId)).fetchSockets();

  return {
    committed: (workshopId, entry) => io.serverSideEmit(ClusterEvent.workshopCommitted, { workshopId, entry }),
    notesStored: (docKey, seq, update) => io.serverSideEmit(ClusterEvent.notesStored, { docKey, seq, update }),
    connectedAnywhere: async (workshopId, participantId) => (await socketsOf(workshopId, participantId)).length > 0,
    replaceElsewhere: async (workshopId, participantId, keep: PlenarySocket) => {
      try {
        for (const socket of await socketsOf(workshopId, participantId)) {
          if (socket.id === keep.id || io.sockets.sockets.has(socket.id)) continue;
          socket.emit(Fact.sessionReplaced, { reason: 'you joined from another window or device' });
          socket.disconnect(true);
        }
      } catch (error) {
        // A node that does not answer must not stop a join; its old connection just lingers.
        logger.warn({ err: error, participantId }, 'could not close connections on other nodes');
      }
    },
    stop: () => sweep.stop(),
  };
}
