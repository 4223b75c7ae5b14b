// Which speaker or headset sound plays through. Only some browsers let a page choose
// (HTMLMediaElement.setSinkId: Chromium, recent Firefox and Safari); elsewhere the system decides.
import { useSyncExternalStore } from 'react';
import { type ChosenDevices, deviceChoices } from './devicePreferences.ts';

type SinkElement = HTMLMediaElement & { setSinkId?: (deviceId: string) => Promise<void> };

export function canChooseSpeaker(): boolean {
  return (
    typeof HTMLMediaElement !== 'undefined' &&
    typeof (HTMLMediaElement.prototype as SinkElement).setSinkId === 'function'
  );
}

/**
 * Plays `element` through the speaker `deviceId` (the default one when undefined). A speaker
 * unplugged since it was chosen leaves the sound where it was rather than failing: false says so.
 */
export async function routeAudio(element: HTMLMediaElement, deviceId: string | undefined): Promise<boolean> {
  const sink = element as SinkElement;
  if (typeof sink.setSinkId !== 'function') return false;
  try {
    await sink.setSinkId(deviceId ?? '');
    return true;
  } catch {
    return false;
  }
}

/** The devices this page uses, re-rendering when the person picks others. */
export function useChosenDevices(): ChosenDevices {
  const choices = deviceChoices();
  return useSyncExternalStore(choices.subscribe, choices.current, choices.current);
}
