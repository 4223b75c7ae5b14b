import { useEffect, useState } from 'react';
import type { DeviceKind } from '../../media/devicePreferences.ts';
import { type DeviceLists, listDevices } from './deviceList.ts';

const EMPTY: DeviceLists = { camera: [], mic: [], speaker: [] };

/**
 * The cameras, microphones and speakers there are, listed again when one is plugged in or out and
 * whenever `refresh` changes (names and ids appear once access is allowed).
 */
export function useDeviceLists(refresh: unknown, unnamed: (kind: DeviceKind, position: number) => string): DeviceLists {
  const [lists, setLists] = useState<DeviceLists>(EMPTY);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is a reason to list again
  useEffect(() => {
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (typeof devices?.enumerateDevices !== 'function') return;
    let live = true;
    const list = () => {
      devices.enumerateDevices().then(
        (entries) => {
          if (live) setLists(listDevices(entries, unnamed));
        },
        () => undefined,
      );
    };
    list();
    devices.addEventListener?.('devicechange', list);
    return () => {
      live = false;
      devices.removeEventListener?.('devicechange', list);
    };
  }, [refresh, unnamed]);
  return lists;
}
