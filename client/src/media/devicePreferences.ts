// Which camera, microphone and speaker this device uses, chosen in the device check and kept in
// localStorage, so every capture (joining, turning the camera back on, a rebuild) takes the same
// devices. Only ids are kept: a browser keeps a device's id per site until its permission is reset.
import { browserStorage, type KeyValueStore } from '../lib/storage.ts';

export const DEVICE_KINDS = ['camera', 'mic', 'speaker'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Device ids by kind; a kind missing means "the browser's default". */
export type ChosenDevices = Readonly<Partial<Record<DeviceKind, string>>>;

export const DEVICES_KEY = 'plenary.devices';
const MAX_ID_LENGTH = 512;

const isUsableId = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH;

/** What was stored, keeping only well-formed ids: a damaged entry means defaults, never a crash. */
export function parseChosenDevices(text: string | null): ChosenDevices {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const chosen: Partial<Record<DeviceKind, string>> = {};
  for (const kind of DEVICE_KINDS) {
    const id = (value as Record<string, unknown>)[kind];
    if (isUsableId(id)) chosen[kind] = id;
  }
  return chosen;
}

/** The chosen devices with a change notification, for React (useSyncExternalStore) and the media layer. */
export class DeviceChoices {
  readonly #storage: KeyValueStore;
  readonly #listeners = new Set<() => void>();
  #current: ChosenDevices;

  constructor(storage: KeyValueStore) {
    this.#storage = storage;
    this.#current = parseChosenDevices(storage.getItem(DEVICES_KEY));
  }

  /** The same object until something changes. */
  current = (): ChosenDevices => this.#current;

  /** `null` (or an unusable id) goes back to the browser's default. */
  choose(kind: DeviceKind, deviceId: string | null): void {
    const id = isUsableId(deviceId) ? deviceId : undefined;
    if (this.#current[kind] === id) return;
    const next: Partial<Record<DeviceKind, string>> = { ...this.#current };
    if (id) next[kind] = id;
    else delete next[kind];
    this.#current = next;
    try {
      this.#storage.setItem(DEVICES_KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused: the choice still holds for this page.
    }
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

let shared: DeviceChoices | undefined;

/** This page's choices, read from localStorage on first use. */
export function deviceChoices(): DeviceChoices {
  shared ??= new DeviceChoices(browserStorage());
  return shared;
}

/**
 * A capture's constraints with the chosen device, as `exact`: browsers may ignore an `ideal` device
 * (Chromium does when it decides without asking). A device unplugged since it was chosen then
 * fails the capture, which `fallingBackToDefault` turns into a capture of the default device.
 */
export function withChosenDevice(constraints: MediaTrackConstraints, deviceId: string | undefined) {
  return deviceId ? { ...constraints, deviceId: { exact: deviceId } } : constraints;
}

type Capture = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/**
 * A capture of one kind (audio or video) whose chosen device is gone is asked again without the
 * device: the person gets the default one rather than none. A capture of both kinds is not retried
 * here (which device is gone is not said): callers ask for each on its own when both fail.
 */
export function fallingBackToDefault(capture: Capture): Capture {
  return async (constraints) => {
    try {
      return await capture(constraints);
    } catch (error) {
      const kinds = (['audio', 'video'] as const).filter((kind) => constraints[kind]);
      const [kind] = kinds;
      const track = kind ? constraints[kind] : undefined;
      const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
      const gone = name === 'OverconstrainedError' || name === 'NotFoundError';
      if (kinds.length !== 1 || !kind || !gone || typeof track !== 'object' || !('deviceId' in track)) throw error;
      const { deviceId: _chosen, ...rest } = track;
      return capture({ [kind]: Object.keys(rest).length > 0 ? rest : true });
    }
  };
}
