import type { LinkQuality, MediaPath, PeerConnectionInfo, PeerMediaState } from '@plenary/shared';
import type { types } from 'mediasoup';
import { CommandError } from '../errors.ts';
import { CONNECT_DEADLINE_MS, type PathView, peerMediaState, type TransportView } from './connectionState.ts';

export type ConnectionListener = (info: PeerConnectionInfo) => void;

/**
 * Follows one person's WebRTC transports (ICE and DTLS states, the path their browser reports) and
 * says when what the room should know of their media changed.
 */
export class PeerConnection {
  readonly #transports = new Map<string, { transport: types.WebRtcTransport; view: TransportView }>();
  readonly #reported = new Map<string, MediaPath>();
  readonly #deadlines = new Set<ReturnType<typeof setTimeout>>();
  #info: PeerConnectionInfo = { state: 'connecting', quality: null };

  constructor(
    private readonly onChange: ConnectionListener,
    private readonly now: () => number = Date.now,
  ) {}

  get info(): PeerConnectionInfo {
    return this.#info;
  }

  watch(transport: types.WebRtcTransport): void {
    // Plain transports (benchmarks, tests) have no ICE to follow.
    if (!('iceState' in transport)) return;
    const view: TransportView = { iceState: transport.iceState, dtlsState: transport.dtlsState, connectingSince: null };
    this.#transports.set(transport.id, { transport, view });
    transport.on('icestatechange', (iceState) => this.#update(() => (view.iceState = iceState)));
    transport.on('dtlsstatechange', (dtlsState) => this.#update(() => (view.dtlsState = dtlsState)));
    transport.observer.once('close', () => {
      this.#transports.delete(transport.id);
      this.#reported.delete(transport.id);
      // A replaced transport that never got through no longer holds the person's media back.
      this.#update(() => undefined);
    });
  }

  /** The client connected a transport (ICE starts now): it has until the deadline to get through. */
  connecting(transportId: string): void {
    const entry = this.#transports.get(transportId);
    if (!entry || entry.view.connectingSince !== null) return;
    entry.view.connectingSince = this.now();
    const deadline = setTimeout(() => {
      this.#deadlines.delete(deadline);
      this.#update(() => undefined);
    }, CONNECT_DEADLINE_MS);
    deadline.unref?.();
    this.#deadlines.add(deadline);
    this.#update(() => undefined);
  }

  /** The browser's account of a transport of this person's; the quality is the room's to see. */
  report(transportId: string, path: MediaPath, quality: LinkQuality): void {
    if (!this.#transports.has(transportId)) throw new CommandError('not_found', `no transport ${transportId} of yours`);
    this.#reported.set(transportId, path);
    this.#publish({ state: this.#info.state, quality });
  }

  paths(): PathView[] {
    return [...this.#transports.entries()].map(([id, { transport }]) => ({
      reported: this.#reported.get(id),
      tupleProtocol: transport.iceSelectedTuple?.protocol,
    }));
  }

  /** Its transports are closing with it (the person left, or the room's routers went away). */
  close(): void {
    for (const deadline of this.#deadlines) clearTimeout(deadline);
    this.#deadlines.clear();
  }

  #update(apply: () => void): void {
    apply();
    const views = [...this.#transports.values()].map(({ view }) => view);
    const state: PeerMediaState = peerMediaState(views, this.now());
    this.#publish({ state, quality: state === 'connected' ? this.#info.quality : null });
  }

  #publish(info: PeerConnectionInfo): void {
    if (info.state === this.#info.state && info.quality === this.#info.quality) return;
    this.#info = info;
    this.onChange(info);
  }
}
