import {
  Command,
  type CommandRequest,
  Fact,
  type FactPayloads,
  PROTOCOL_VERSION,
  type RoomChanged,
  type WorkshopCommandAnswer,
  type WorkshopId,
} from '@plenary/shared';
import type { Device } from 'mediasoup-client';
import { notesChannel } from '../features/notes/notesChannel.ts';
import type { AcquiredMedia, LocalSource } from '../media/localMedia.ts';
import { MediaController } from '../media/mediaController.ts';
import type { TrackRegistry } from '../media/tracks.ts';
import { bindFacts, type FactEvent } from '../net/facts.ts';
import { ackChannel, createRequester, type Reply, type RequestError, type Requester } from '../net/request.ts';
import { connectSocket, type PlenarySocket } from '../net/socket.ts';
import {
  applyMediaFact,
  connectionBack,
  connectionLost,
  joinFailed,
  joinStarted,
  left,
  roomEntered,
} from '../stores/room.ts';
import { withNotice } from '../stores/slices/notices.ts';
import type { AppState, AppStore } from '../stores/state.ts';
import { workshopJoined } from '../stores/workshop.ts';
import type { Credentials } from './credentials.ts';
import { WorkshopChanges } from './workshopChanges.ts';

export type Credential = CommandRequest<typeof Command.sessionJoin>['credential'];
export type WorkshopCommand = CommandRequest<typeof Command.workshopCommand>;

export interface WorkshopSessionDeps {
  store: AppStore;
  tracks: TrackRegistry;
  socket: PlenarySocket;
  credentials: Credentials;
  requestTimeoutMs?: number;
  /** For tests: mediasoup-client's FakeHandler instead of the browser's WebRTC. */
  createDevice?: () => Promise<Device>;
  /** For tests: tracks without a camera. */
  acquire?: (want: LocalSource[]) => Promise<AcquiredMedia>;
  /** Called once when the session is over (left, refused, or ended by the server). */
  onEnded?: () => void;
}

/** `unreachable`: the socket never connected; otherwise the server's (or the request's) error code. */
export type JoinOutcome = { ok: true } | { ok: false; code: RequestError['code'] | 'unreachable'; message: string };

const LEAVE_TIMEOUT_MS = 3_000;

/**
 * One visit to a workshop, from the join to leaving: owns the socket and the fact binding, keeps
 * the workshop view in revision order (through `WorkshopChanges`), and moves media (through
 * `MediaController`) whenever the server says this participant changed rooms. UI code never touches it; it calls `session/actions.ts`.
 */
export class WorkshopSession {
  readonly #deps: WorkshopSessionDeps;
  readonly #request: Requester;
  readonly #media: MediaController;
  readonly #changes: WorkshopChanges;
  #credential: Credential | null = null;
  #workshopId: WorkshopId | null = null;
  /** Facts that arrive before the join answer is applied wait here, then replay in order. */
  #pendingFacts: FactEvent[] | null = null;
  #unbindFacts: (() => void) | null = null;
  #ended = false;
  #replacedBecause: string | null = null;

  constructor(deps: WorkshopSessionDeps) {
    this.#deps = deps;
    this.#request = createRequester(ackChannel(deps.socket), { timeoutMs: deps.requestTimeoutMs });
    this.#changes = new WorkshopChanges(deps.store, this.#request, () => this.#ended);
    this.#media = new MediaController({
      store: deps.store,
      tracks: deps.tracks,
      request: this.#request,
      createDevice: deps.createDevice,
      acquire: deps.acquire,
    });
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Joins `workshopId` (the one the credential names) with an invite or a participant token. */
  async join(credential: Credential, workshopId: WorkshopId): Promise<JoinOutcome> {
    const { socket, store } = this.#deps;
    this.#credential = credential;
    this.#workshopId = workshopId;
    store.setState(joinStarted);
    this.#unbindFacts = bindFacts(socket, (event) => this.#onFact(event));
    try {
      await connectSocket(socket);
    } catch {
      const message = 'Cannot reach the Plenary server. Check your connection and try again.';
      this.#end((state) => joinFailed(state, { code: 'unreachable', message }));
      return { ok: false, code: 'unreachable', message };
    }
    const outcome = await this.#enter();
    if (!outcome.ok) return outcome;
    socket.on('disconnect', (reason) => this.#onDisconnect(reason));
    socket.on('connect', () => void this.#onReconnect());
    return outcome;
  }

  /**
   * Sends the join and applies its snapshot. On refusal the session ends with the server's message,
   * except when a rejoin merely lost its connection again: the next reconnect tries again.
   */
  async #enter({ rejoin = false } = {}): Promise<JoinOutcome> {
    const credential = this.#credential;
    if (!credential) return { ok: false, code: 'not_joined', message: 'Nothing to join with.' };
    this.#pendingFacts = [];
    this.#changes.reset();
    const reply = await this.#request(Command.sessionJoin, { protocolVersion: PROTOCOL_VERSION, credential });
    if (this.#ended) return { ok: false, code: 'not_joined', message: 'The session is over.' };
    if (!reply.ok) {
      const { code, message } = reply.error;
      if (rejoin && (code === 'disconnected' || code === 'timeout')) return { ok: false, code, message };
      // A token the server no longer accepts is useless: the person introduces themselves again.
      if (credential.kind === 'participant' && (code === 'forbidden' || code === 'not_found') && this.#workshopId) {
        this.#deps.credentials.forgetParticipantToken(this.#workshopId);
      }
      this.#end((state) => joinFailed(state, reply.error));
      return { ok: false, code, message };
    }
    const result = reply.data;
    // From now on (reloads, reconnects, other tabs) this person comes back as themselves.
    this.#credential = { kind: 'participant', token: result.participantToken };
    this.#deps.credentials.saveParticipantToken(result.workshop.id, result.participantToken);
    this.#deps.store.setState((state) => workshopJoined(state, result));
    void this.#media.enter(result.room?.routerRtpCapabilities ?? null);
    const pending = this.#pendingFacts;
    this.#pendingFacts = null;
    for (const event of pending) this.#onFact(event);
    notesChannel.use(this.#request, result.workshop.id);
    return { ok: true };
  }

  async leave(): Promise<void> {
    if (this.#ended) return;
    // Camera light off and tiles gone at once; the server hears about it right after.
    this.#media.close();
    const { socket } = this.#deps;
    const said = socket.connected
      ? createRequester(ackChannel(socket), { timeoutMs: LEAVE_TIMEOUT_MS })(Command.sessionLeave, {})
      : Promise.resolve(null);
    this.#end((state) => left(state, { topic: 'join', tone: 'status', message: { key: 'join.left' } }), {
      disconnect: false,
    });
    await said;
    socket.disconnect();
  }

  /**
   * A workshop action; its effect arrives as `workshop:changed`, never applied ahead of the server.
   * The answer names what a creating command created.
   */
  command(command: WorkshopCommand): Promise<Reply<WorkshopCommandAnswer>> {
    return this.#request(Command.workshopCommand, command);
  }

  createInvites() {
    return this.#request(Command.workshopCreateInvites, {});
  }

  /** Chairs: what importing `csv` into a set would do, row by row; changes nothing. */
  previewCsv(setId: string, csv: string) {
    return this.#request(Command.breakoutsPreviewCsv, { setId, csv });
  }

  toggleMic(): Promise<void> {
    return this.#media.toggleMic();
  }

  toggleCamera(): Promise<void> {
    return this.#media.toggleCamera();
  }

  /** Screen sharing, moderation and speaking to every breakout room: see `MediaController`. */
  get media(): MediaController {
    return this.#media;
  }

  // ---- facts ---------------------------------------------------------------------------------

  #onFact(event: FactEvent): void {
    if (this.#ended) return;
    if (this.#pendingFacts) {
      this.#pendingFacts.push(event);
      return;
    }
    switch (event.name) {
      case Fact.workshopChanged:
        this.#changes.apply(event.payload);
        return;
      case Fact.roomChanged:
        this.#onRoomChanged(event.payload);
        return;
      case Fact.notesUpdated:
      case Fact.notesAwarenessUpdated:
        notesChannel.deliver(event);
        return;
      case Fact.moderated:
        this.#onModerated(event.payload);
        break;
      case Fact.sessionReplaced:
        // The disconnect that follows ends the session; this says why.
        this.#replacedBecause = event.payload.reason;
        return;
      default:
        break;
    }
    this.#deps.store.setState((state) => applyMediaFact(state, event));
    this.#media.handle(event);
  }

  #onRoomChanged(payload: RoomChanged): void {
    this.#deps.store.setState((state) => roomEntered(state, payload));
    void this.#media.enter(payload.room?.routerRtpCapabilities ?? null, { switching: true });
  }

  #onModerated({ action, by }: FactPayloads[typeof Fact.moderated]): void {
    this.#deps.store.setState((state) => {
      const name = state.workshop?.participants[by]?.name ?? { key: 'moderation.aFacilitator' as const };
      const message = { key: `moderation.${action}` as const, values: { name } };
      return { notices: withNotice(state.notices, { topic: 'moderation', tone: 'alert', message }) };
    });
  }

  // ---- connection ----------------------------------------------------------------------------

  #onDisconnect(reason: string): void {
    if (this.#ended || reason === 'io client disconnect') return;
    notesChannel.use(null);
    // The server drops our media with the socket; it is rebuilt once we are back in a room.
    this.#media.suspend();
    if (reason === 'io server disconnect') {
      // socket.io does not reconnect after the server closed the connection on purpose.
      this.#end((state) =>
        left(state, {
          topic: 'join',
          tone: 'alert',
          message: { key: this.#replacedBecause ? 'join.replaced' : 'join.sessionEnded' },
        }),
      );
      return;
    }
    this.#deps.store.setState(connectionLost);
  }

  /**
   * After socket.io reconnected by itself. A recovered connection gets the facts it missed replayed
   * and is put back in its room by the server (a `roomChanged` rebuilds media); a new one joins again.
   */
  async #onReconnect(): Promise<void> {
    if (this.#ended) return;
    if (this.#deps.socket.recovered) {
      this.#deps.store.setState(connectionBack);
      // The server resumed the connection but not the notes it had open: they are opened again.
      notesChannel.use(this.#request, this.#workshopId ?? undefined);
      return;
    }
    await this.#enter({ rejoin: true });
  }

  /** Tears everything down and moves the store with `next`; idempotent. */
  #end(next: (state: AppState) => AppState, { disconnect = true } = {}): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#unbindFacts?.();
    notesChannel.use(null);
    this.#media.close();
    const { socket, store } = this.#deps;
    socket.removeAllListeners('disconnect');
    socket.removeAllListeners('connect');
    if (disconnect) socket.disconnect();
    store.setState(next);
    this.#deps.onEnded?.();
  }
}
