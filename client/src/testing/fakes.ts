// Test doubles for the client's edges: a scripted server (answering commands like the real one,
// from mediasoup-client's fake parameters), a socket in front of it, tracks without a camera, and
// a mediasoup-client Device running on FakeHandler instead of WebRTC. Used by tests only.
import {
  type Ack,
  Command,
  type CommandName,
  type CommandRequest,
  type CommandResult,
  type FactName,
  type FactPayloads,
  type MediaId,
  type ParticipantId,
  type PeerInfo,
  type ProducerInfo,
} from '@plenary/shared';
import { Device, FakeHandler, testFakeParameters } from 'mediasoup-client';
import type { Reply, Requester } from '../net/request.ts';
import type { PlenarySocket } from '../net/socket.ts';

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
  return Promise.resolve(new Device({ handlerFactory: FakeHandler.createFactory(testFakeParameters) }));
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
  readonly self: PeerInfo;
  peers: PeerInfo[] = [];
  /** Everyone's producers, by id: what `mediaConsume` can be asked for. */
  readonly producers = new Map<string, ProducerInfo>();
  readonly #handlers = new Map<CommandName, (payload: never) => unknown>();
  readonly #holds = new Map<CommandName, Promise<void>>();
  #nextId = 0;

  constructor(self: PeerInfo = peer('self', 'Ada', 10)) {
    this.self = self;
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
            self: this.self,
            peers: this.peers,
            producers: [...this.producers.values()],
            routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
          },
        };
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
          participantId: this.self.participantId,
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
      case Command.mediaSetProducerPaused:
      case Command.mediaCloseProducer:
      case Command.mediaResumeConsumer:
        return { ok: true, data: {} };
      default:
        return { ok: false, error: { code: 'invalid_payload', message: `unknown command ${command}` } };
    }
  }
}

type Listener = (...args: unknown[]) => void;

/**
 * A socket.io-client socket in front of a `FakeServer`: connects on the next tick, routes
 * `emitWithAck` to the server, and lets a test push facts or drop the connection.
 */
export class FakeSocket {
  connected = false;
  /** Set to make the next `connect()` fail like an unreachable server. */
  unreachable = false;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly server: FakeServer;

  constructor(server: FakeServer) {
    this.server = server;
  }

  get socket(): PlenarySocket {
    return this as unknown as PlenarySocket;
  }

  on(event: string, listener: Listener): this {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    this.#listeners.set(event, set);
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  removeAllListeners(event: string): this {
    this.#listeners.delete(event);
    return this;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  connect(): this {
    queueMicrotask(() => {
      if (this.unreachable) {
        this.#emit('connect_error', new Error('xhr poll error'));
        return;
      }
      this.connected = true;
      this.#emit('connect');
    });
    return this;
  }

  disconnect(): this {
    if (!this.connected) return this;
    this.connected = false;
    this.#emit('disconnect', 'io client disconnect');
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: (command: CommandName, payload: unknown) =>
        this.server.request(command, payload as CommandRequest<typeof command>),
    };
  }

  /** A fact from the server. */
  fact<F extends FactName>(name: F, payload: FactPayloads[F]): void {
    this.#emit(name, payload);
  }

  /** The connection drops the way socket.io reports it (`transport close`, `io server disconnect`, …). */
  drop(reason: string): void {
    this.connected = false;
    this.#emit('disconnect', reason);
  }

  /** socket.io-client reconnected by itself. */
  reconnect(): void {
    this.connected = true;
    this.#emit('connect');
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(...args);
  }
}

/** Lets pending promise chains (several hops of awaits) run to completion. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
