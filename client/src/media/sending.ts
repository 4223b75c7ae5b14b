import { Command, type MediaId, type MediaSource, type ParticipantId } from '@plenary/shared';
import type { Device, types } from 'mediasoup-client';
import { type Requester, unwrap } from '../net/request.ts';
import { type Connection, MediaSessionClosed } from './connection.ts';
import { encodingsFor } from './simulcast.ts';
import type { TrackRegistry } from './tracks.ts';

export interface SendingOptions {
  request: Requester;
  tracks: TrackRegistry;
  selfId: ParticipantId;
  /** A local track ended by itself (device unplugged, permission revoked, sharing stopped); its producer is gone. */
  onLocalTrackEnded?: (source: MediaSource) => void;
}

// Ids minted by the server come back from mediasoup-client as plain strings.
const asMediaId = (id: string) => id as MediaId;

/** What one connection sends: a producer per source, its track shown as ours in the `TrackRegistry`. */
export class Sending {
  readonly #connection: Connection;
  readonly #options: SendingOptions;
  readonly #producers = new Map<MediaSource, types.Producer>();

  constructor(connection: Connection, options: SendingOptions) {
    this.#connection = connection;
    this.#options = options;
    connection.onClose(() => {
      for (const [source, producer] of [...this.#producers]) {
        this.#forget(source, producer);
        producer.close();
      }
    });
  }

  has(source: MediaSource): boolean {
    return this.#producers.has(source);
  }

  get count(): number {
    return this.#producers.size;
  }

  /** The producers the server knows of, to close them there after this connection is gone. */
  producerIds(): MediaId[] {
    return [...this.#producers.values()].map((producer) => asMediaId(producer.id));
  }

  /**
   * Sends `track` as `source`. The track stays the caller's: closing the producer does not stop it,
   * so a rebuild or the next room can send the same capture again (see SourceKeeper).
   */
  async publish(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    const { device, send } = await this.#connection.ready();
    this.#connection.assertOpen();
    if (!device.canProduce(track.kind === 'audio' ? 'audio' : 'video')) {
      throw new Error(`this browser cannot send ${track.kind} to the room`);
    }
    if (this.#producers.has(source)) throw new Error(`already sending ${source}`);
    const producer = await send.produce({
      track,
      stopTracks: false,
      appData: { source },
      ...(source === 'mic'
        ? { codecOptions: { opusDtx: true, opusFec: true } }
        : { encodings: encodingsFor(source), codec: vp8Of(device) }),
    });
    if (this.#connection.closed) {
      producer.close();
      throw new MediaSessionClosed();
    }
    this.#producers.set(source, producer);
    this.#options.tracks.set(this.#options.selfId, source, track);
    producer.on('transportclose', () => this.#forget(source, producer));
    producer.on('trackended', () => {
      void this.unpublish(source).catch(() => undefined);
      this.#options.onLocalTrackEnded?.(source);
    });
  }

  /** Muting pauses locally first (nothing leaves this tab even if the server is slow), then tells the room. */
  async setPaused(source: MediaSource, paused: boolean): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) throw new Error(`not sending ${source}`);
    const tell = () =>
      this.#options.request(Command.mediaSetProducerPaused, { producerId: asMediaId(producer.id), paused });
    if (paused) {
      producer.pause();
      unwrap(await tell());
      return;
    }
    producer.resume();
    try {
      unwrap(await tell());
    } catch (error) {
      // The room still shows us muted: stay muted rather than send what others think is silent.
      producer.pause();
      throw error;
    }
  }

  /**
   * Sends `track` in place of the mic or camera track being sent (another device was chosen): the
   * producer stays, so the room sees no gap and a muted mic stays muted. Both tracks stay the caller's.
   */
  async replaceTrack(source: Exclude<MediaSource, 'screen'>, track: MediaStreamTrack): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer || producer.closed) throw new Error(`not sending ${source}`);
    await producer.replaceTrack({ track });
    if (this.#producers.get(source) === producer) this.#options.tracks.set(this.#options.selfId, source, track);
  }

  /** Closes the producer (its track stays the caller's) and tells the server. */
  async unpublish(source: MediaSource): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#forget(source, producer);
    producer.close();
    unwrap(await this.#options.request(Command.mediaCloseProducer, { producerId: asMediaId(producer.id) }));
  }

  #forget(source: MediaSource, producer: types.Producer): void {
    if (this.#producers.get(source) !== producer) return;
    this.#producers.delete(source);
    this.#options.tracks.delete(this.#options.selfId, source, producer.track ?? undefined);
  }
}

/** VP8 for video: every browser decodes it, and it is what simulcast works best with. */
function vp8Of(device: Device): types.RtpCodecCapability | undefined {
  return device.rtpCapabilities.codecs?.find((codec) => codec.mimeType.toLowerCase() === 'video/vp8');
}
