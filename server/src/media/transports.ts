import type { TransportOptions } from '@plenary/shared';
import type { types } from 'mediasoup';
import type { TransportData, TransportDirection } from './mediaPeer.ts';
import { asWire, mediaId } from './wire.ts';

export interface TransportSettings {
  listenIp: string;
  announcedIp: string | undefined;
  minPort: number;
  maxPort: number;
}

/** A browser's transport: UDP preferred, TCP as the fallback, on the configured ports. */
export function createWebRtcTransport(
  router: types.Router,
  settings: TransportSettings,
  direction: TransportDirection,
): Promise<types.WebRtcTransport<TransportData>> {
  const { listenIp, announcedIp, minPort, maxPort } = settings;
  const listen = { ip: listenIp, announcedAddress: announcedIp, portRange: { min: minPort, max: maxPort } };
  return router.createWebRtcTransport<TransportData>({
    listenInfos: [
      { protocol: 'udp', ...listen },
      { protocol: 'tcp', ...listen },
    ],
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
