import type { WireObject } from '@plenary/shared';
import type { Device, types } from 'mediasoup-client';

// The mediasoup-client Device of this tab. mediasoup-client weighs as much as the rest of a first
// visit's script together, and nothing needs it before a room is entered: it is not part of the
// page, but fetched while someone is on the join page (or, at the latest, when media starts).
const mediaClient = () => import('mediasoup-client');
const browserDevice = async (): Promise<Device> => (await mediaClient()).Device.factory();

export const loadDevice = async (create: () => Promise<Device>, routerRtpCapabilities: WireObject): Promise<Device> => {
  const device = await create();
  await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
  return device;
};

let loaded: { capabilities: string; device: Promise<Device> } | null = null;

/**
 * The browser's device, loaded with a router's capabilities. Loading probes the browser with a
 * throwaway peer connection, tens of milliseconds; every router of a server has the same codecs,
 * so the device loaded on joining serves every later room and rebuild (a transport is per room).
 */
export function browserDeviceFor(routerRtpCapabilities: WireObject): Promise<Device> {
  const capabilities = JSON.stringify(routerRtpCapabilities);
  if (loaded?.capabilities !== capabilities) {
    const device = loadDevice(browserDevice, routerRtpCapabilities);
    loaded = { capabilities, device };
    // A failed load is not kept: the next room tries again.
    device.catch(() => {
      if (loaded?.device === device) loaded = null;
    });
  }
  return loaded.device;
}

/**
 * Starts fetching mediasoup-client while someone is still on the join page, so entering the room
 * does not wait for it (the module is fetched once; a failure here is retried when media starts).
 */
export function preloadMediaClient(): void {
  mediaClient().catch(() => undefined);
}
