// Test doubles for the client's edges: a scripted server (answering commands like the real one,
// from mediasoup-client's fake parameters), a socket in front of it, tracks without a camera, and
// a mediasoup-client Device running on FakeHandler instead of WebRTC. Used by tests only.
import {
  type Ack,
  Command,
  type CommandName,
  type CommandRequest,
  type CommandResult,
  type MediaId,
  type Participant,
  type ParticipantId,
  type PeerInfo,
  type ProducerInfo,
  ROLES,
  type RoomId,
  type Whereabouts,
  type WorkshopView,
} from '@plenary/shared';
import { Device, FakeHandler, testFakeParameters } from 'mediasoup-client';
import type { Reply, Requester } from '../net/request.ts';
import { inPlenary, PLENARY, participant, participantToken, workshopView } from './workshop.ts';

export const pid = (id: string) => id as ParticipantId;
export const mid = (id: string) => id as MediaId;

export const peer = (id: string, displayName = id, joinedAt = 1): PeerInfo => ({
  participantId: pid(id),
  displayName,
  joinedAt,
});

export const producerInfo = (
  id: string,
  participantId: string,
  source: ProducerInfo['source'],
  paused = false,
): ProducerInfo => ({
  producerId: mid(id),
  participantId: pid(participantId),
  kind: source === 'mic' ? 'audio' : 'video',
  source,
  paused,
});

/** A MediaStreamTrack for Node: what mediasoup-client and our code touch, nothing more. */
export class FakeTrack extends EventTarget {
  readonly id = crypto.randomUUID();
  readonly kind: 'audio' | 'video';
  enabled = true;
  readyState: MediaStreamTrackState = 'live';

  constructor(kind: 'audio' | 'video') {
    super();
    this.kind = kind;
  }

  stop(): void {
    this.readyState = 'ended';
  }

  /** What the browser does when the device goes away. */
  end(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }

  get track(): MediaStreamTrack {
    return this as unknown as MediaStreamTrack;
  }
}

export function createFakeDevice(): Promise<Device> {
  const device = new Device({ handlerFactory: FakeHandler.createFactory(testFakeParameters) });
  // Like a browser's: a transport reports itself connected once it has connected to the server.
  device.observer.on('newtransport', (transport) => {
    transport.on('connect', () => {
      setTimeout(() => {
        if (!transport.closed) (transport.handler as FakeHandler).setConnectionState('connected');
      }, 0);
    });
  });
  return Promise.resolve(device);
}

type Handler<C extends CommandName> = (
  payload: CommandRequest<C>,
) => Ack<CommandResult<C>> | Promise<Ack<CommandResult<C>>>;

export interface SentCommand {
  command: CommandName;
  payload: unknown;
}

/**
 * Answers commands the way the protocol says the server does. Override one command with
 * `on(command, handler)`; inspect what was sent with `sent` / `sentOf`.
 */
export class FakeServer {
  readonly sent: SentCommand[] = [];
  readonly self: Participant;
  /** The workshop as the join answer and snapshots describe it (self is added to its participants). */
  workshop: WorkshopView;
  whereabouts: Whereabouts = inPlenary;
  /** The media room the join answer puts us in; null for the lobby. */
  roomId: RoomId | null = PLENARY;
  /** The others in that room. */
  peers: PeerInfo[] = [];
  /** Everyone's producers, by id: what `mediaConsume` can be asked for. */
  readonly producers = new Map<string, ProducerInfo>();
  readonly #handlers = new Map<CommandName, (payload: never) => unknown>();
  readonly #holds = new Map<CommandName, Promise<void>>();
  #nextId = 0;

  constructor(self: Participant = participant('self', { name: 'Ada' })) {
    this.self = self;
    this.workshop = workshopView([self]);
  }

  get selfId(): ParticipantId {
    return this.self.id;
  }

  on<C extends CommandName>(command: C, handler: Handler<C>): this {
    this.#handlers.set(command, handler as (payload: never) => unknown);
    return this;
  }

  sentOf<C extends CommandName>(command: C): CommandRequest<C>[] {
    return this.sent.filter((sent) => sent.command === command).map((sent) => sent.payload as CommandRequest<C>);
  }

  addRemoteProducer(producer: ProducerInfo): void {
    this.producers.set(producer.producerId, producer);
  }

  /** Holds back the answers to `command` until the returned function is called. */
  hold(command: CommandName): () => void {
    let release: () => void = () => undefined;
    this.#holds.set(command, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.#holds.delete(command);
      release();
    };
  }

  request: Requester = async (command, payload) => {
    this.sent.push({ command, payload });
    await this.#holds.get(command);
    const custom = this.#handlers.get(command);
    const answer = custom ? await custom(payload as never) : this.#answer(command, payload);
    return answer as Reply<CommandResult<typeof command>>;
  };

  #snapshot() {
    const workshop = {
      ...this.workshop,
      participants: { ...this.workshop.participants, [this.self.id]: this.self },
    };
    return { self: this.self, workshop, whereabouts: this.whereabouts };
  }

  #id(prefix: string): MediaId {
    this.#nextId += 1;
    return mid(`${prefix}-${this.#nextId}`);
  }

  #answer(command: CommandName, payload: unknown): Ack<unknown> {
    switch (command) {
      case Command.sessionJoin:
        return {
          ok: true,
          data: {
            participantToken: participantToken(this.self.id),
            ...this.#snapshot(),
            room: this.roomId && {
              roomId: this.roomId,
              peers: this.peers,
              producers: [...this.producers.values()],
              routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
            },
          },
        };
      case Command.workshopSnapshot:
        return { ok: true, data: this.#snapshot() };
      case Command.workshopCommand:
        return { ok: true, data: { revision: this.workshop.revision + 1 } };
      case Command.workshopCreateInvites:
        return { ok: true, data: { invites: Object.fromEntries(ROLES.map((role) => [role, `invite-${role}`])) } };
      case Command.mediaCreateTransport: {
        const remote = testFakeParameters.generateTransportRemoteParameters();
        return {
          ok: true,
          data: {
            transportId: this.#id('transport'),
            iceParameters: remote.iceParameters,
            iceCandidates: remote.iceCandidates,
            dtlsParameters: remote.dtlsParameters,
          },
        };
      }
      case Command.mediaProduce: {
        const request = payload as CommandRequest<typeof Command.mediaProduce>;
        const producerId = this.#id(request.source);
        this.producers.set(producerId, {
          producerId,
          participantId: this.self.id,
          kind: request.kind,
          source: request.source,
          paused: false,
        });
        return { ok: true, data: { producerId } };
      }
      case Command.mediaConsume: {
        const { producerId } = payload as CommandRequest<typeof Command.mediaConsume>;
        const producer = this.producers.get(producerId);
        if (!producer) return { ok: false, error: { code: 'not_found', message: 'no such producer' } };
        const remote = testFakeParameters.generateConsumerRemoteParameters({
          codecMimeType: producer.kind === 'audio' ? 'audio/opus' : 'video/VP8',
        });
        return {
          ok: true,
          data: {
            consumerId: this.#id('consumer'),
            producerId,
            participantId: producer.participantId,
            kind: producer.kind,
            source: producer.source,
            rtpParameters: remote.rtpParameters,
          },
        };
      }
      case Command.mediaRestartIce:
        return {
          ok: true,
          data: { iceParameters: testFakeParameters.generateTransportRemoteParameters().iceParameters },
        };
      case Command.sessionLeave:
      case Command.mediaConnectTransport:
      case Command.mediaSetConsumerPaused:
      case Command.mediaSetPreferredLayers:
      case Command.mediaModerate:
      case Command.mediaSetProducerPaused:
      case Command.mediaCloseProducer:
      case Command.mediaResumeConsumer:
        return { ok: true, data: {} };
      default:
        return { ok: false, error: { code: 'invalid_payload', message: `unknown command ${command}` } };
    }
  }
}

/** Lets pending promise chains (several hops of awaits) run to completion. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
