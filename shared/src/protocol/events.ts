// The only place an event name is written. Commands are `feature:verb` (client → server, acked);
// facts are `feature:pastTense` (server → clients, broadcast). Everything else uses these maps.
import type { z } from 'zod';
import type { MediaId, ParticipantId } from '../ids.ts';
import type { ConsumerOptions, TransportOptions, WireObject } from '../model/media.ts';
import type { PeerInfo, ProducerInfo } from '../model/peer.ts';
import type { Ack } from './ack.ts';
import * as media from './schemas/media.ts';
import * as session from './schemas/session.ts';

export const Command = {
  sessionJoin: 'session:join',
  sessionLeave: 'session:leave',
  mediaCreateTransport: 'media:createTransport',
  mediaConnectTransport: 'media:connectTransport',
  mediaRestartIce: 'media:restartIce',
  mediaProduce: 'media:produce',
  mediaSetProducerPaused: 'media:setProducerPaused',
  mediaCloseProducer: 'media:closeProducer',
  mediaConsume: 'media:consume',
  mediaResumeConsumer: 'media:resumeConsumer',
} as const;
export type CommandName = (typeof Command)[keyof typeof Command];

export const Fact = {
  peerJoined: 'peer:joined',
  peerLeft: 'peer:left',
  producerAdded: 'media:producerAdded',
  producerClosed: 'media:producerClosed',
  producerPausedChanged: 'media:producerPausedChanged',
  consumerClosed: 'media:consumerClosed',
  mediaReconnectRequired: 'media:reconnectRequired',
} as const;
export type FactName = (typeof Fact)[keyof typeof Fact];

/** The request schema of every command: the server parses each inbound payload with it. */
export const commandSchemas = {
  [Command.sessionJoin]: session.JoinRequestSchema,
  [Command.sessionLeave]: session.EmptyRequestSchema,
  [Command.mediaCreateTransport]: media.CreateTransportRequestSchema,
  [Command.mediaConnectTransport]: media.ConnectTransportRequestSchema,
  [Command.mediaRestartIce]: media.RestartIceRequestSchema,
  [Command.mediaProduce]: media.ProduceRequestSchema,
  [Command.mediaSetProducerPaused]: media.SetProducerPausedRequestSchema,
  [Command.mediaCloseProducer]: media.CloseProducerRequestSchema,
  [Command.mediaConsume]: media.ConsumeRequestSchema,
  [Command.mediaResumeConsumer]: media.ResumeConsumerRequestSchema,
} satisfies Record<CommandName, z.ZodType>;

export interface JoinResult {
  self: PeerInfo;
  peers: PeerInfo[];
  producers: ProducerInfo[];
  routerRtpCapabilities: WireObject;
}

type Empty = Record<string, never>;

/** What each command answers with when it succeeds. */
export interface CommandResults {
  [Command.sessionJoin]: JoinResult;
  [Command.sessionLeave]: Empty;
  [Command.mediaCreateTransport]: TransportOptions;
  [Command.mediaConnectTransport]: Empty;
  [Command.mediaRestartIce]: { iceParameters: WireObject };
  [Command.mediaProduce]: { producerId: MediaId };
  [Command.mediaSetProducerPaused]: Empty;
  [Command.mediaCloseProducer]: Empty;
  [Command.mediaConsume]: ConsumerOptions;
  [Command.mediaResumeConsumer]: Empty;
}

export type CommandRequest<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
export type ParsedCommand<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;
export type CommandResult<C extends CommandName> = CommandResults[C];

/** What each fact carries. */
export interface FactPayloads {
  [Fact.peerJoined]: PeerInfo;
  [Fact.peerLeft]: { participantId: ParticipantId };
  [Fact.producerAdded]: ProducerInfo;
  [Fact.producerClosed]: { producerId: MediaId };
  [Fact.producerPausedChanged]: { producerId: MediaId; paused: boolean };
  [Fact.consumerClosed]: { consumerId: MediaId };
  /** the room's media moved to a new router: drop every transport and rebuild against these capabilities */
  [Fact.mediaReconnectRequired]: { reason: string; routerRtpCapabilities: WireObject };
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
