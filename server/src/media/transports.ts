import type { TransportOptions } from '@plenary/shared';
import type { types } from 'mediasoup';
import type { TransportData, TransportDirection } from './mediaPeer.ts';
import { asWire, mediaId } from './wire.ts';

/** Where links to other nodes listen (pipe transports, one port each from the range). */
export interface TransportSettings {
  listenIp: string;
  announcedIp: string | undefined;
  minPort: number;
  maxPort: number;
}

/**
 * A browser's transport, on its worker's WebRtcServer (the worker's one UDP and one TCP port):
 * UDP preferred, ICE over TCP as the fallback. `server` must be on the router's own worker.
 */
export function createWebRtcTransport(
  router: types.Router,
  server: types.WebRtcServer,
  direction: TransportDirection,
): Promise<types.WebRtcTransport<TransportData>> {
  return router.createWebRtcTransport<TransportData>({
    webRtcServer: server,
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
    appData: { direction },
  });
}

/** What the browser needs to connect to the transport. */
export function transportOptions(transport: types.WebRtcTransport): TransportOptions {
  return {
    transportId: mediaId(transport.id),
    iceParameters: asWire(transport.iceParameters),
    iceCandidates: transport.iceCandidates.map(asWire),
    dtlsParameters: asWire(transport.dtlsParameters),
  };
}
