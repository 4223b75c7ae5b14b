import type { types } from 'mediasoup';

/** Where browsers' media reaches a worker: one UDP and one TCP port, shared by all its transports. */
export interface RtcPortSettings {
  /** the address the worker binds its media port on */
  listenIp: string;
  /** the address given to browsers in ICE candidates (public IP behind NAT); defaults to listenIp */
  announcedIp: string | undefined;
  /** the first worker's port (worker i uses port + i, UDP and TCP); 0: any free port per worker */
  port: number;
}

export interface RtcPorts {
  udp: number;
  tcp: number;
}

/** Loopback on ports the system picks: enough for tests and benchmarks on one machine. */
export const LOOPBACK_RTC: RtcPortSettings = { listenIp: '127.0.0.1', announcedIp: undefined, port: 0 };

/** The ports a worker's WebRtcServer asks for: the slot's own, or any free one (0). */
export function portsForSlot(settings: RtcPortSettings, slot: number): RtcPorts {
  const port = settings.port === 0 ? 0 : settings.port + slot;
  return { udp: port, tcp: port };
}

/**
 * Opens the worker's WebRtcServer on the given ports, returning the ports it really bound (they
 * differ when 0 was asked for), so that a replacement worker can take the same ones again.
 */
export async function openRtcServer(
  worker: types.Worker,
  settings: RtcPortSettings,
  ports: RtcPorts,
): Promise<{ server: types.WebRtcServer; ports: RtcPorts }> {
  const { listenIp, announcedIp } = settings;
  const listen = { ip: listenIp, announcedAddress: announcedIp };
  let server: types.WebRtcServer;
  try {
    server = await worker.createWebRtcServer({
      listenInfos: [
        { protocol: 'udp', ...listen, port: ports.udp },
        { protocol: 'tcp', ...listen, port: ports.tcp },
      ],
    });
  } catch (error) {
    throw new Error(describeFailure(settings, ports, error), { cause: error });
  }
  const bound = await server.dump();
  return {
    server,
    ports: { udp: bound.udpSockets[0]?.port ?? ports.udp, tcp: bound.tcpServers[0]?.port ?? ports.tcp },
  };
}

function describeFailure(settings: RtcPortSettings, ports: RtcPorts, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const where = ports.udp === ports.tcp ? `${ports.udp}` : `${ports.udp} (UDP) / ${ports.tcp} (TCP)`;
  if (/already in use|EADDRINUSE/i.test(reason)) {
    return (
      `media port ${where} on ${settings.listenIp} is already in use (UDP or TCP): ` +
      'free it, or set PLENARY_RTC_PORT to a free port (worker i listens on PLENARY_RTC_PORT + i)'
    );
  }
  return `cannot open media port ${where} on ${settings.listenIp}: ${reason}`;
}
