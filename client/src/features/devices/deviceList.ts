// The camera, microphone and speaker lists of the device check, from enumerateDevices().
import type { DeviceKind } from '../../media/devicePreferences.ts';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export type DeviceLists = Record<DeviceKind, DeviceOption[]>;

/** What enumerateDevices gives: a MediaDeviceInfo, or a test's plain object. */
export interface DeviceEntry {
  deviceId: string;
  kind: string;
  label: string;
}

const KIND_OF: Record<string, DeviceKind> = { videoinput: 'camera', audioinput: 'mic', audiooutput: 'speaker' };

/**
 * Devices by kind, in the browser's order. Before camera or microphone access is allowed, browsers
 * list at most one placeholder per kind without an id: those are left out (nothing to choose yet).
 * A device without a label (some browsers, some drivers) is named by kind and number.
 */
export function listDevices(
  entries: readonly DeviceEntry[],
  unnamed: (kind: DeviceKind, position: number) => string,
): DeviceLists {
  const lists: DeviceLists = { camera: [], mic: [], speaker: [] };
  for (const entry of entries) {
    const kind = KIND_OF[entry.kind];
    if (!kind || entry.deviceId === '' || lists[kind].some((known) => known.deviceId === entry.deviceId)) continue;
    const label = entry.label.trim() || unnamed(kind, lists[kind].length + 1);
    lists[kind].push({ deviceId: entry.deviceId, label });
  }
  return lists;
}

/**
 * Which option the select shows: the chosen device while it is there; else the one actually in use
 * (a track's settings); else the first. Empty when there is nothing to choose from.
 */
export function shownDevice(options: readonly DeviceOption[], chosen?: string, inUse?: string): string {
  const has = (id: string | undefined): id is string => id !== undefined && options.some((o) => o.deviceId === id);
  if (has(chosen)) return chosen;
  if (has(inUse)) return inUse;
  return options[0]?.deviceId ?? '';
}
