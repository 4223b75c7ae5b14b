import {
  Command,
  MEDIA_SOURCES,
  type MediaId,
  type MediaSource,
  type TransportOptions,
  type WireObject,
} from '@plenary/shared';
import type { Device, types } from 'mediasoup-client';
import { type Requester, unwrap } from '../net/request.ts';
import { browserDeviceFor, loadDevice } from './device.ts';
import { type LinkSample, type PacketCounts, type Stat, sampleLink } from './linkStats.ts';
import { type MediaLink, TransportHealth } from './transportHealth.ts';

export interface ConnectionOptions {
  request: Requester;
  /** Injected so tests can use mediasoup-client's FakeHandler; the browser's own handler otherwise. */
  createDevice?: () => Promise<Device>;
  /** A transport could not be brought back by an ICE restart: the caller should rebuild media. */
  onFailure?: (reason: string) => void;
  /** The transports lost their path to the server (`reconnecting`), or have one (again). */
  onLinkChange?: (link: MediaLink) => void;
  /** How long an ICE restart may take to reconnect before the caller is told to rebuild. */
  iceRestartTimeoutMs?: number;
  /** Only relayed candidates (TURN): the rebuild after direct media did not get through. */
  relayOnly?: boolean;
  /** Every transport state change, for the connect timeline (`ConnectWatch`). */
  onTransportState?: (state: types.ConnectionState) => void;
}

/** One transport's measured link. */
export interface TransportLink {
  transportId: MediaId;
  sample: LinkSample;
}

export interface Connected {
  device: Device;
  send: types.Transport;
  recv: types.Transport;
}

const ICE_RESTART_TIMEOUT_MS = 10_000;

/** Thrown by work that was still under way when the session was closed; callers ignore it. */
export class MediaSessionClosed extends Error {
  constructor() {
    super('media session closed');
    this.name = 'MediaSessionClosed';
  }
}

const isMediaSource = (value: unknown): value is MediaSource => MEDIA_SOURCES.some((source) => source === value);

/**
 * One media connection to a room's router: the device, a send and a receive transport, and their
 * health (a transport that drops has its ICE restarted; one that cannot be brought back is reported
 * with `onFailure`). Sending and receiving wait for `ready()` and are closed with it.
 */
export class Connection {
  readonly #options: ConnectionOptions;
  #started: Promise<Connected> | null = null;
  readonly #transports: types.Transport[] = [];
  readonly #restartingIce = new Set<MediaId>();
  /** Packets counted at the last sample, per transport, for loss between samples. */
  readonly #counts = new Map<string, PacketCounts>();
  #relayAvailable = false;
  readonly #health: TransportHealth;
  /** What closes with the connection, before its transports do. */
  readonly #closing: Array<() => void> = [];
  #closed = false;

  constructor(options: ConnectionOptions) {
    this.#options = options;
    this.#health = new TransportHealth({
      onLinkChange: (link) => this.#options.onLinkChange?.(link),
      onGiveUp: (reason) => this.#options.onFailure?.(reason),
      restartTimeoutMs: options.iceRestartTimeoutMs ?? ICE_RESTART_TIMEOUT_MS,
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The server handed out a TURN server for this build (known once started). */
  get relayAvailable(): boolean {
    return this.#relayAvailable;
  }

  /** Each transport's figures and path from `getStats()`; transports not through yet have no path. */
  async sampleLinks(): Promise<TransportLink[]> {
    const transports = [...this.#transports];
    return Promise.all(
      transports.map(async (transport) => {
        const report = await transport.getStats();
        // RTCStats entries are dictionaries whose fields depend on their type: read as such.
        const stats = [...report.values()] as Stat[];
        const sample = sampleLink(stats, this.#counts.get(transport.id));
        this.#counts.set(transport.id, sample.counts);
        return { transportId: transport.id as MediaId, sample };
      }),
    );
  }

  /** Loads the device and creates both transports; everything else waits for this. */
  start(routerRtpCapabilities: WireObject): Promise<void> {
    this.#started ??= this.#start(routerRtpCapabilities);
    return this.#started.then(() => undefined);
  }

  async ready(): Promise<Connected> {
    if (!this.#started) throw new Error('media session not started');
    return this.#started;
  }

  onClose(close: () => void): void {
    this.#closing.push(close);
  }

  /** Closes everything locally. The server closes its side when told (leave) or already has (reconnect). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#health.close();
    for (const close of this.#closing) close();
    for (const transport of this.#transports) transport.close();
    this.#transports.length = 0;
  }

  assertOpen(): void {
    if (this.#closed) {
      for (const transport of this.#transports) transport.close();
      throw new MediaSessionClosed();
    }
  }

  async #start(routerRtpCapabilities: WireObject): Promise<Connected> {
    const { createDevice } = this.#options;
    // Asked for beside the transports (not before them), so a room switch waits no longer.
    const iceServers = this.#freshIceServers();
    const device = await (createDevice
      ? loadDevice(createDevice, routerRtpCapabilities)
      : browserDeviceFor(routerRtpCapabilities));
    this.assertOpen();
    const [send, recv] = await Promise.all([
      this.#createTransport(device, 'send', iceServers),
      this.#createTransport(device, 'recv', iceServers),
    ]);
    this.assertOpen();
    return { device, send, recv };
  }

  /** TURN servers with credentials fresh for this build; none if the server hands out none or can't say. */
  async #freshIceServers(): Promise<RTCIceServer[]> {
    const reply = await this.#options.request(Command.mediaRefreshIceServers, {});
    const servers = reply.ok ? reply.data.servers : [];
    this.#relayAvailable = servers.length > 0;
    return servers;
  }

  async #createTransport(
    device: Device,
    direction: 'send' | 'recv',
    ice: Promise<RTCIceServer[]>,
  ): Promise<types.Transport> {
    const { request } = this.#options;
    const [reply, iceServers] = await Promise.all([request(Command.mediaCreateTransport, { direction }), ice]);
    const remote: TransportOptions = unwrap(reply);
    this.assertOpen();
    const { transportId } = remote;
    const options: types.TransportOptions = {
      id: transportId,
      iceParameters: remote.iceParameters as types.IceParameters,
      iceCandidates: remote.iceCandidates as types.IceCandidate[],
      dtlsParameters: remote.dtlsParameters as types.DtlsParameters,
      iceServers,
      ...(this.#options.relayOnly ? { iceTransportPolicy: 'relay' as const } : {}),
    };
    const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    this.#transports.push(transport);

    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      // ICE starts now: the browser may never report `connecting` on a path that goes nowhere.
      this.#options.onTransportState?.('connecting');
      request(Command.mediaConnectTransport, { transportId, dtlsParameters })
        .then(unwrap)
        .then(() => callback(), errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const { source } = appData;
        if (!isMediaSource(source)) {
          errback(new Error('a producer needs appData.source'));
          return;
        }
        request(Command.mediaProduce, { transportId, kind, source, rtpParameters })
          .then(unwrap)
          .then(({ producerId }) => callback({ id: producerId }), errback);
      });
    }
    transport.on('connectionstatechange', (state) => {
      if (this.#closed) return;
      this.#options.onTransportState?.(state);
      if (this.#health.changed(transportId, state) === 'restart') void this.#restartIce(transport, transportId);
    });
    return transport;
  }

  async #restartIce(transport: types.Transport, transportId: MediaId): Promise<void> {
    if (this.#closed || this.#restartingIce.has(transportId)) return;
    this.#restartingIce.add(transportId);
    try {
      const { iceParameters } = unwrap(await this.#options.request(Command.mediaRestartIce, { transportId }));
      if (this.#closed || transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      this.#health.restarted(transportId, transport.connectionState);
    } catch (error) {
      if (!this.#closed) this.#options.onFailure?.(`ICE restart failed: ${messageOf(error)}`);
    } finally {
      this.#restartingIce.delete(transportId);
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
