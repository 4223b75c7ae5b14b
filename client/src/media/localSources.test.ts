import { describe, expect, it } from 'vitest';
import { initialSources, type LocalSources, nextSources, type SourceEvent, shownStatus } from './localSources.ts';

type Sources = LocalSources<string>;

/** Applies events in order; the state is frozen so a reducer that mutates fails loudly. */
function run(events: SourceEvent<string>[], from: Sources = initialSources<string>()): Sources {
  return events.reduce((sources, event) => nextSources(deepFreeze(sources), event), from);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** In a room, microphone and camera sent as `mic-1` and `cam-1`. */
const sending: SourceEvent<string>[] = [
  { type: 'entering', sends: true },
  { type: 'captured', source: 'mic', track: 'mic-1' },
  { type: 'captured', source: 'camera', track: 'cam-1' },
  { type: 'sent', source: 'mic', paused: false },
  { type: 'sent', source: 'camera', paused: false },
];

describe('localSources', () => {
  it('starts wanting the microphone and camera, not a screen, with nothing open', () => {
    expect(initialSources()).toEqual({
      mic: { wanted: 'on', track: null, status: 'off' },
      camera: { wanted: 'on', track: null, status: 'off' },
      screen: { wanted: 'off', track: null, status: 'off' },
    });
  });

  it('starts what is wanted on entering a room, and is live once sent', () => {
    const entering = run([{ type: 'entering', sends: true }]);
    expect([entering.mic.status, entering.camera.status]).toEqual(['starting', 'starting']);
    const sent = run(sending);
    expect(sent.mic).toEqual({ wanted: 'on', track: 'mic-1', status: 'live' });
    expect(sent.camera).toEqual({ wanted: 'on', track: 'cam-1', status: 'live' });
  });

  it('starts nothing for an observer, and nothing turned off', () => {
    expect(run([{ type: 'entering', sends: false }]).mic.status).toBe('off');
    const cameraOff = run([...sending, { type: 'turnedOff', source: 'camera' }, { type: 'entering', sends: true }]);
    expect(cameraOff.camera).toEqual({ wanted: 'off', track: null, status: 'off' });
    expect(cameraOff.mic.status).toBe('starting');
  });

  it('keeps the captures through a room move, starting them again on the new room', () => {
    const moved = run([...sending, { type: 'movedRoom' }, { type: 'entering', sends: true }]);
    expect(moved.mic).toEqual({ wanted: 'on', track: 'mic-1', status: 'starting' });
    expect(moved.camera).toEqual({ wanted: 'on', track: 'cam-1', status: 'starting' });
  });

  it('mutes at once, and unmutes only when told the room agreed', () => {
    const muted = run([...sending, { type: 'muted' }]);
    expect(muted.mic).toEqual({ wanted: 'muted', track: 'mic-1', status: 'paused' });
    expect(run([{ type: 'unmuted' }], muted).mic).toEqual({ wanted: 'on', track: 'mic-1', status: 'live' });
  });

  it('keeps a microphone muted across a room move: sent paused in the next room', () => {
    const next = run([...sending, { type: 'muted' }, { type: 'movedRoom' }, { type: 'entering', sends: true }]);
    expect(next.mic).toEqual({ wanted: 'muted', track: 'mic-1', status: 'starting' });
    expect(run([{ type: 'sent', source: 'mic', paused: true }], next).mic.status).toBe('paused');
  });

  it('remembers a mute asked for while the microphone is still starting', () => {
    const muted = run([{ type: 'entering', sends: true }, { type: 'muted' }]);
    expect(muted.mic).toEqual({ wanted: 'muted', track: null, status: 'starting' });
  });

  it('marks a source failed when it cannot be captured, and tries it again in the next room', () => {
    const failed = run([
      { type: 'entering', sends: true },
      { type: 'captureFailed', source: 'camera' },
    ]);
    expect(failed.camera).toEqual({ wanted: 'on', track: null, status: 'failed' });
    expect(shownStatus(failed.camera.status)).toBe('off');
    expect(run([{ type: 'entering', sends: true }], failed).camera.status).toBe('starting');
  });

  it('lets a capture go when the room refuses to receive it', () => {
    const refused = run([
      { type: 'entering', sends: true },
      { type: 'captured', source: 'mic', track: 'mic-1' },
      { type: 'notSent', source: 'mic' },
    ]);
    expect(refused.mic).toEqual({ wanted: 'on', track: null, status: 'failed' });
  });

  it('turns a source on while its capture is asked for, unmuting a microphone that had failed', () => {
    const failedMuted = run([
      ...sending,
      { type: 'muted' },
      { type: 'movedRoom' },
      { type: 'entering', sends: true },
      { type: 'notSent', source: 'mic' },
    ]);
    expect(failedMuted.mic).toEqual({ wanted: 'muted', track: null, status: 'failed' });
    const starting = run([{ type: 'starting', source: 'mic' }], failedMuted);
    expect(starting.mic).toEqual({ wanted: 'on', track: null, status: 'starting' });
  });

  it('switches the device in place: the status (muted) stays', () => {
    const switched = run([...sending, { type: 'muted' }, { type: 'deviceSwitched', source: 'mic', track: 'mic-2' }]);
    expect(switched.mic).toEqual({ wanted: 'muted', track: 'mic-2', status: 'paused' });
  });

  it('lets a capture go without changing what is wanted (another device chosen between rooms)', () => {
    const released = run([...sending, { type: 'released', source: 'camera' }]);
    expect(released.camera).toEqual({ wanted: 'on', track: null, status: 'live' });
  });

  it('follows a chair: muted, camera stopped, share stopped', () => {
    const shared = run([
      ...sending,
      { type: 'starting', source: 'screen' },
      { type: 'captured', source: 'screen', track: 'screen-1' },
      { type: 'sent', source: 'screen', paused: false },
    ]);
    expect(shared.screen).toEqual({ wanted: 'on', track: 'screen-1', status: 'live' });
    const moderated = run(
      [
        { type: 'moderated', action: 'mute' },
        { type: 'moderated', action: 'stopCamera' },
        { type: 'moderated', action: 'stopShare' },
      ],
      shared,
    );
    expect(moderated).toEqual({
      mic: { wanted: 'muted', track: 'mic-1', status: 'paused' },
      camera: { wanted: 'off', track: null, status: 'off' },
      screen: { wanted: 'off', track: null, status: 'off' },
    });
  });

  it('ends a share on moving to another room, and does not retry a share that failed', () => {
    const sharing = run([
      { type: 'starting', source: 'screen' },
      { type: 'captured', source: 'screen', track: 's' },
    ]);
    expect(run([{ type: 'movedRoom' }], sharing).screen).toEqual({ wanted: 'off', track: null, status: 'off' });
    expect(run([{ type: 'notSent', source: 'screen' }], sharing).screen).toEqual({
      wanted: 'off',
      track: null,
      status: 'off',
    });
  });

  it('keeps a share through a rebuild in the same room', () => {
    const sharing = run([
      { type: 'starting', source: 'screen' },
      { type: 'captured', source: 'screen', track: 's' },
      { type: 'sent', source: 'screen', paused: false },
    ]);
    expect(run([{ type: 'entering', sends: true }], sharing).screen).toBe(sharing.screen);
  });

  it('turns a device off when its track ends, but still wants it; a share the browser stopped is off', () => {
    const ended = run([...sending, { type: 'trackEnded', source: 'camera' }]);
    expect(ended.camera).toEqual({ wanted: 'on', track: null, status: 'off' });
    const shareEnded = run([
      { type: 'starting', source: 'screen' },
      { type: 'captured', source: 'screen', track: 's' },
      { type: 'trackEnded', source: 'screen' },
    ]);
    expect(shareEnded.screen.wanted).toBe('off');
  });

  it('lets every capture go in the lobby, keeping what is wanted', () => {
    const lobby = run([...sending, { type: 'muted' }, { type: 'releasedAll' }]);
    expect(lobby.mic).toEqual({ wanted: 'muted', track: null, status: 'off' });
    expect(lobby.camera).toEqual({ wanted: 'on', track: null, status: 'off' });
  });

  it('shows nothing sent when the room’s media cannot be built', () => {
    const failed = run([{ type: 'entering', sends: true }, { type: 'connectFailed' }]);
    expect([failed.mic.status, failed.camera.status]).toEqual(['off', 'off']);
  });

  it('returns the same object when nothing changes', () => {
    const sources = run(sending);
    expect(nextSources(sources, { type: 'sent', source: 'mic', paused: false })).toBe(sources);
  });
});
