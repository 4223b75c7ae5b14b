// What this tab does with each of its own sources, as one record per source: what the person
// wants, the capture held for it, and what is actually happening. Pure: (sources, event) -> sources.
// `SourceKeeper` applies these events, stops the captures a record lets go of, and shows the
// statuses in the store; nothing else keeps "the microphone is muted".
import type { MediaSource, ModerationAction } from '@plenary/shared';
import { assertNever } from '../lib/assertNever.ts';
import type { LocalSourceStatus } from '../stores/slices/localMedia.ts';

/** `muted` only for the microphone: sent but paused. A camera or screen is on or off. */
export type Wanted = 'on' | 'muted' | 'off';

/** The store's statuses, plus `failed`: wanted but could not be started or sent (shown as off). */
export type SourceStatus = LocalSourceStatus | 'failed';

export interface SourceRecord<Track> {
  wanted: Wanted;
  /** The capture held for this source, kept across room moves and rebuilds; opaque here. */
  track: Track | null;
  status: SourceStatus;
}

export type LocalSources<Track> = Readonly<Record<MediaSource, Readonly<SourceRecord<Track>>>>;

export type SourceEvent<Track> =
  /** Media is being built in a room: a wanted mic and camera start (sent only if `sends`). */
  | { type: 'entering'; sends: boolean }
  /** The room's media could not be built: nothing is sent. */
  | { type: 'connectFailed' }
  /** Another room: the screen is shared with the room it was shared in, so the share ends. */
  | { type: 'movedRoom' }
  /** In the lobby, or the session is over: every capture is let go. What is wanted is kept. */
  | { type: 'releasedAll' }
  /** The person turns a source on (a muted microphone is unmuted instead): its capture is asked for. */
  | { type: 'starting'; source: MediaSource }
  | { type: 'captured'; source: MediaSource; track: Track }
  /** Nothing could be captured (refused, missing, picker cancelled). */
  | { type: 'captureFailed'; source: MediaSource }
  /** The capture is let go without changing what is wanted (another device was chosen between rooms). */
  | { type: 'released'; source: MediaSource }
  | { type: 'sent'; source: MediaSource; paused: boolean }
  /** The room refused what we sent: the capture is let go too (its light would say otherwise). */
  | { type: 'notSent'; source: MediaSource }
  | { type: 'muted' }
  /** The room agreed to hear the microphone again. */
  | { type: 'unmuted' }
  | { type: 'turnedOff'; source: MediaSource }
  /** The capture ended by itself (unplugged, permission revoked, the browser's "Stop sharing"). */
  | { type: 'trackEnded'; source: MediaSource }
  /** The same source is sent from another device, in place: muted stays muted. */
  | { type: 'deviceSwitched'; source: MediaSource; track: Track }
  | { type: 'moderated'; action: ModerationAction };

export function initialSources<Track>(): LocalSources<Track> {
  return {
    mic: { wanted: 'on', track: null, status: 'off' },
    camera: { wanted: 'on', track: null, status: 'off' },
    screen: { wanted: 'off', track: null, status: 'off' },
  };
}

/** How a record's status is shown: a failure is simply off (a notice says why). */
export const shownStatus = (status: SourceStatus): LocalSourceStatus => (status === 'failed' ? 'off' : status);

const CAPTURED: readonly MediaSource[] = ['mic', 'camera'];

export function nextSources<Track>(sources: LocalSources<Track>, event: SourceEvent<Track>): LocalSources<Track> {
  switch (event.type) {
    case 'entering':
      return mapCaptured(sources, (record) => ({
        ...record,
        status: event.sends && record.wanted !== 'off' ? 'starting' : 'off',
      }));
    case 'connectFailed':
      return mapCaptured(sources, (record) => ({ ...record, status: 'off' }));
    case 'movedRoom':
      return turnedOff(sources, 'screen');
    case 'releasedAll':
      return turnedOff(
        mapCaptured(sources, (record) => ({ ...record, track: null, status: 'off' })),
        'screen',
      );
    case 'starting':
      return withRecord(sources, event.source, { ...sources[event.source], wanted: 'on', status: 'starting' });
    case 'captured':
    case 'deviceSwitched':
      return withRecord(sources, event.source, { ...sources[event.source], track: event.track });
    case 'captureFailed':
    case 'notSent':
      // A screen that could not be shared is not tried again; a mic or camera is, in the next room.
      if (event.source === 'screen') return turnedOff(sources, 'screen');
      return withRecord(sources, event.source, { ...sources[event.source], track: null, status: 'failed' });
    case 'released':
      return withRecord(sources, event.source, { ...sources[event.source], track: null });
    case 'sent':
      return withRecord(sources, event.source, {
        ...sources[event.source],
        status: event.source === 'mic' && event.paused ? 'paused' : 'live',
      });
    case 'muted':
      return muted(sources);
    case 'unmuted':
      return withRecord(sources, 'mic', { ...sources.mic, wanted: 'on', status: 'live' });
    case 'turnedOff':
      return turnedOff(sources, event.source);
    case 'trackEnded':
      // Stopping a share from the browser is a choice; a device that went away is not.
      if (event.source === 'screen') return turnedOff(sources, 'screen');
      return withRecord(sources, event.source, { ...sources[event.source], track: null, status: 'off' });
    case 'moderated':
      return moderated(sources, event.action);
    default:
      return assertNever(event);
  }
}

function moderated<Track>(sources: LocalSources<Track>, action: ModerationAction): LocalSources<Track> {
  switch (action) {
    case 'mute':
      return muted(sources);
    case 'stopCamera':
      return turnedOff(sources, 'camera');
    case 'stopShare':
      return turnedOff(sources, 'screen');
    default:
      return assertNever(action);
  }
}

/** Paused at once (nothing more leaves this tab); one still starting is paused once it is sent. */
function muted<Track>(sources: LocalSources<Track>): LocalSources<Track> {
  const { mic } = sources;
  return withRecord(sources, 'mic', { ...mic, wanted: 'muted', status: mic.status === 'live' ? 'paused' : mic.status });
}

function turnedOff<Track>(sources: LocalSources<Track>, source: MediaSource): LocalSources<Track> {
  return withRecord(sources, source, { wanted: 'off', track: null, status: 'off' });
}

function mapCaptured<Track>(
  sources: LocalSources<Track>,
  change: (record: SourceRecord<Track>) => SourceRecord<Track>,
): LocalSources<Track> {
  let next = sources;
  for (const source of CAPTURED) next = withRecord(next, source, change(next[source]));
  return next;
}

/** The same object when nothing changed, so listeners can compare by reference. */
function withRecord<Track>(
  sources: LocalSources<Track>,
  source: MediaSource,
  record: SourceRecord<Track>,
): LocalSources<Track> {
  const current = sources[source];
  if (current.wanted === record.wanted && current.track === record.track && current.status === record.status) {
    return sources;
  }
  return { ...sources, [source]: record };
}
