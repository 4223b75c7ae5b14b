// The only place an event name is written. Commands are `feature:verb` (client → server, acked);
// facts are `feature:pastTense` (server → clients, broadcast). Everything else uses these maps.
import type { z } from 'zod';
import type { MediaId, ParticipantId, RoomId, WorkshopId } from '../ids.ts';
import type { PeerConnectionInfo } from '../model/connection.ts';
import type { ConsumerOptions, IceServers, TransportOptions, WireObject } from '../model/media.ts';
import type { PeerInfo, ProducerInfo } from '../model/peer.ts';
import type { JoinResult, RoomChanged, WorkshopChange, WorkshopSnapshot } from '../model/view.ts';
import type { CsvPreview } from '../model/workshop/breakouts.ts';
import type { Role } from '../model/workshop/roles.ts';
import type { Ack } from './ack.ts';
import { JoinRequestSchema } from './schemas/join.ts';
import * as media from './schemas/media.ts';
import * as notes from './schemas/notes.ts';
import * as session from './schemas/session.ts';
import {
  PreviewCsvRequestSchema,
  WorkshopCommandRequestSchema,
  type WorkshopCommandType,
} from './schemas/workshop/index.ts';

export const Command = {
  sessionJoin: 'session:join',
  sessionLeave: 'session:leave',
  /** every workshop command (agenda, queue, breakouts, chat, polls…): its `type` says which */
  workshopCommand: 'workshop:command',
  workshopSnapshot: 'workshop:snapshot',
  /** chairs: fresh invite links for every role */
  workshopCreateInvites: 'workshop:createInvites',
  /** chairs: what importing a CSV into a set would do, with every row's error, changing nothing */
  breakoutsPreviewCsv: 'breakouts:previewCsv',
  mediaCreateTransport: 'media:createTransport',
  mediaConnectTransport: 'media:connectTransport',
  mediaRestartIce: 'media:restartIce',
  mediaProduce: 'media:produce',
  mediaSetProducerPaused: 'media:setProducerPaused',
  mediaCloseProducer: 'media:closeProducer',
  mediaConsume: 'media:consume',
  mediaResumeConsumer: 'media:resumeConsumer',
  mediaSetConsumerPaused: 'media:setConsumerPaused',
  mediaSetPreferredLayers: 'media:setPreferredLayers',
  /** chairs: mute someone, or stop their camera or screen share */
  mediaModerate: 'media:moderate',
  /** chairs: their microphone is heard in every open breakout room too (or no longer) */
  mediaSpeakToBreakouts: 'media:speakToBreakouts',
  /** new TURN credentials, asked for before the ones in hand expire (see `JoinResult.ice`) */
  mediaRefreshIceServers: 'media:refreshIceServers',
  /** the path and quality the browser measures on one of its transports (counted in /metrics, shown to the room) */
  mediaReportConnection: 'media:reportConnection',
  /** start following a room's notes: answers what the caller's document is missing */
  notesOpen: 'notes:open',
  notesUpdate: 'notes:update',
  notesClose: 'notes:close',
  notesAwareness: 'notes:awareness',
} as const;
export type CommandName = (typeof Command)[keyof typeof Command];

export const Fact = {
  workshopChanged: 'workshop:changed',
  roomChanged: 'session:roomChanged',
  /** this connection was closed because the same participant joined elsewhere */
  sessionReplaced: 'session:replaced',
  peerJoined: 'peer:joined',
  peerLeft: 'peer:left',
  producerAdded: 'media:producerAdded',
  producerClosed: 'media:producerClosed',
  producerPausedChanged: 'media:producerPausedChanged',
  consumerClosed: 'media:consumerClosed',
  mediaReconnectRequired: 'media:reconnectRequired',
  activeSpeakerChanged: 'media:activeSpeakerChanged',
  /** someone's media got through to the server, was lost, or its quality changed */
  peerMediaStateChanged: 'peer:mediaStateChanged',
  /** to the person a chair muted or whose camera/share a chair stopped */
  moderated: 'media:moderated',
  notesUpdated: 'notes:updated',
  notesAwarenessUpdated: 'notes:awarenessUpdated',
} as const;
export type FactName = (typeof Fact)[keyof typeof Fact];

/** The request schema of every command: the server parses each inbound payload with it. */
export const commandSchemas = {
  [Command.sessionJoin]: JoinRequestSchema,
  [Command.sessionLeave]: session.EmptyRequestSchema,
  [Command.workshopCommand]: WorkshopCommandRequestSchema,
  [Command.workshopSnapshot]: session.EmptyRequestSchema,
  [Command.workshopCreateInvites]: session.EmptyRequestSchema,
  [Command.breakoutsPreviewCsv]: PreviewCsvRequestSchema,
  [Command.mediaCreateTransport]: media.CreateTransportRequestSchema,
  [Command.mediaConnectTransport]: media.ConnectTransportRequestSchema,
  [Command.mediaRestartIce]: media.RestartIceRequestSchema,
  [Command.mediaProduce]: media.ProduceRequestSchema,
  [Command.mediaSetProducerPaused]: media.SetProducerPausedRequestSchema,
  [Command.mediaCloseProducer]: media.CloseProducerRequestSchema,
  [Command.mediaConsume]: media.ConsumeRequestSchema,
  [Command.mediaResumeConsumer]: media.ResumeConsumerRequestSchema,
  [Command.mediaSetConsumerPaused]: media.SetConsumerPausedRequestSchema,
  [Command.mediaSetPreferredLayers]: media.SetPreferredLayersRequestSchema,
  [Command.mediaModerate]: media.ModerateRequestSchema,
  [Command.mediaSpeakToBreakouts]: media.SpeakToBreakoutsRequestSchema,
  [Command.mediaRefreshIceServers]: media.RefreshIceServersRequestSchema,
  [Command.mediaReportConnection]: media.ReportConnectionRequestSchema,
  [Command.notesOpen]: notes.NotesOpenRequestSchema,
  [Command.notesUpdate]: notes.NotesUpdateRequestSchema,
  [Command.notesClose]: notes.NotesCloseRequestSchema,
  [Command.notesAwareness]: notes.NotesAwarenessRequestSchema,
} satisfies Record<CommandName, z.ZodType>;

type Empty = Record<string, never>;

/** Bytes on the wire: a Buffer (a Uint8Array) in Node, an ArrayBuffer in browsers. */
export type Binary = Uint8Array | ArrayBuffer;

/** The workshop commands that make something new (the id is the server's to choose). */
export type CreatingCommandType =
  | 'agenda.addDay'
  | 'agenda.addItem'
  | 'queue.raiseHand'
  | 'queue.addInRoomPerson'
  | 'breakouts.createSet'
  | 'breakouts.requestHelp'
  | 'chat.send'
  | 'poll.create'
  | 'proposal.put'
  | 'library.add';

/** What a command made: the id to address it by from now on. */
export interface Created {
  id: string;
}

/**
 * A workshop command's answer: the revision that carries its effect (the `workshop:changed` to wait
 * for, if the caller wants to see it), and for a command that creates something, what it created,
 * so the caller need not look for it by name.
 */
export type WorkshopCommandAnswer<T extends WorkshopCommandType = WorkshopCommandType> = T extends CreatingCommandType
  ? { revision: number; created: Created }
  : { revision: number };

/** What each command answers with when it succeeds. */
export interface CommandResults {
  [Command.sessionJoin]: JoinResult;
  [Command.sessionLeave]: Empty;
  [Command.workshopCommand]: WorkshopCommandAnswer;
  [Command.workshopSnapshot]: WorkshopSnapshot;
  /** role → invite token; the link is `/join#<token>` */
  [Command.workshopCreateInvites]: { invites: Record<Role, string> };
  [Command.breakoutsPreviewCsv]: CsvPreview;
  [Command.mediaCreateTransport]: TransportOptions;
  [Command.mediaConnectTransport]: Empty;
  [Command.mediaRestartIce]: { iceParameters: WireObject };
  [Command.mediaProduce]: { producerId: MediaId };
  [Command.mediaSetProducerPaused]: Empty;
  [Command.mediaCloseProducer]: Empty;
  [Command.mediaConsume]: ConsumerOptions;
  [Command.mediaResumeConsumer]: Empty;
  [Command.mediaSetConsumerPaused]: Empty;
  [Command.mediaSetPreferredLayers]: Empty;
  [Command.mediaModerate]: Empty;
  /** how many breakout rooms now hear the chair */
  [Command.mediaSpeakToBreakouts]: { rooms: number };
  [Command.mediaRefreshIceServers]: IceServers;
  [Command.mediaReportConnection]: Empty;
  /** the server's state vector lets the client send what the server is missing (offline edits) */
  [Command.notesOpen]: { update: Binary; stateVector: Binary; readOnly: boolean };
  /** answered once the update is stored */
  [Command.notesUpdate]: Empty;
  [Command.notesClose]: Empty;
  [Command.notesAwareness]: Empty;
}

export type CommandRequest<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
export type ParsedCommand<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;
export type CommandResult<C extends CommandName> = CommandResults[C];

/** What each fact carries. */
export interface FactPayloads {
  [Fact.workshopChanged]: WorkshopChange;
  [Fact.roomChanged]: RoomChanged;
  [Fact.sessionReplaced]: { reason: string };
  /** people who came into the room together (those arriving with them learn of each other from `roomChanged`) */
  [Fact.peerJoined]: { peers: PeerInfo[] };
  /** people who left the room together, told once */
  [Fact.peerLeft]: { participantIds: ParticipantId[] };
  [Fact.producerAdded]: ProducerInfo;
  [Fact.producerClosed]: { producerId: MediaId };
  [Fact.producerPausedChanged]: { producerId: MediaId; paused: boolean };
  [Fact.consumerClosed]: { consumerId: MediaId };
  /** the room's media moved to a new router: drop every transport and rebuild against these capabilities */
  [Fact.mediaReconnectRequired]: { reason: string; routerRtpCapabilities: WireObject };
  [Fact.activeSpeakerChanged]: { participantId: ParticipantId };
  [Fact.peerMediaStateChanged]: { participantId: ParticipantId } & PeerConnectionInfo;
  [Fact.moderated]: { action: media.ModerationAction; by: ParticipantId };
  [Fact.notesUpdated]: { roomId: RoomId; update: Binary };
  [Fact.notesAwarenessUpdated]: { roomId: RoomId; update: Binary };
}

/** Socket.IO's view from the client: typed requests, typed acks. */
export type ClientToServerEvents = {
  [C in CommandName]: (request: CommandRequest<C>, ack: (answer: Ack<CommandResult<C>>) => void) => void;
};

/** Socket.IO's view from the server: payloads are untrusted until parsed with `commandSchemas`. */
export type UntrustedClientEvents = {
  [C in CommandName]: (request: unknown, ack: unknown) => void;
};

export type ServerToClientEvents = {
  [F in FactName]: (payload: FactPayloads[F]) => void;
};

/**
 * Between server nodes sharing workshops (Socket.IO's `serverSideEmit` through the Redis adapter);
 * never seen by a client. `cluster:pastTense`, like facts.
 */
export const ClusterEvent = {
  /** a node stored a workshop command: others holding the workshop replay it */
  workshopCommitted: 'cluster:workshopCommitted',
  /** a node stored a notes update: others holding the document apply it */
  notesStored: 'cluster:notesStored',
} as const;
export type ClusterEventName = (typeof ClusterEvent)[keyof typeof ClusterEvent];

export interface ClusterEventPayloads {
  [ClusterEvent.workshopCommitted]: {
    workshopId: WorkshopId;
    entry: { revision: number; command: unknown; at: number };
  };
  [ClusterEvent.notesStored]: { docKey: string; seq: number; update: Binary };
}

export type InterServerEvents = {
  [E in ClusterEventName]: (payload: ClusterEventPayloads[E]) => void;
};
