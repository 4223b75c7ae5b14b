import { describe, expect, it } from 'vitest';
import { ROOM_SWITCH, ROOM_SWITCH_START, RoomSwitchTimer, type Timeline } from './roomSwitch.ts';

function fakeTimeline() {
  let now = 1_000;
  const marks: { name: string; startTime?: number; detail?: unknown }[] = [];
  const measures: { name: string; start: number; end: number; detail?: unknown }[] = [];
  const timeline: Timeline = {
    now: () => now,
    mark: (name, options) => marks.push({ name, ...options }),
    measure: (name, options) => measures.push({ name, ...options }),
  };
  return { timeline, marks, measures, advance: (ms: number) => (now += ms) };
}

describe('RoomSwitchTimer', () => {
  it('measures from the move to the first end reached, once, as plenary:room-switch', () => {
    const { timeline, marks, measures, advance } = fakeTimeline();
    const timer = new RoomSwitchTimer(timeline);
    timer.start('room-2');
    expect(marks).toEqual([{ name: ROOM_SWITCH_START, startTime: 1_000, detail: { roomId: 'room-2' } }]);
    advance(420);
    expect(timer.finish('remote-media')).toBe(420);
    advance(100);
    expect(timer.finish('connected-alone')).toBeNull();
    expect(measures).toEqual([
      { name: ROOM_SWITCH, start: 1_000, end: 1_420, detail: { roomId: 'room-2', until: 'remote-media' } },
    ]);
    expect(timer.pending).toBe(false);
  });

  it('starts over when the person moves again before arriving', () => {
    const { timeline, measures, advance } = fakeTimeline();
    const timer = new RoomSwitchTimer(timeline);
    timer.start('room-2');
    advance(300);
    timer.start('plenary');
    advance(200);
    timer.finish('connected-alone');
    expect(measures.map((measure) => [measure.end - measure.start, measure.detail])).toEqual([
      [200, { roomId: 'plenary', until: 'connected-alone' }],
    ]);
  });

  it('records nothing when cancelled (left for the lobby) or when arrival took implausibly long', () => {
    const { timeline, measures, advance } = fakeTimeline();
    const timer = new RoomSwitchTimer(timeline);
    timer.start('room-2');
    timer.cancel();
    expect(timer.finish('remote-media')).toBeNull();
    timer.start('room-3');
    advance(60_000);
    expect(timer.finish('remote-media')).toBeNull();
    expect(measures).toEqual([]);
  });

  it('works with the browser’s own Performance API', () => {
    const timer = new RoomSwitchTimer();
    timer.start('room-2');
    timer.finish('ready-alone');
    const [entry] = performance.getEntriesByName(ROOM_SWITCH, 'measure');
    expect((entry as PerformanceMeasure | undefined)?.detail).toEqual({ roomId: 'room-2', until: 'ready-alone' });
    performance.clearMeasures(ROOM_SWITCH);
    performance.clearMarks(ROOM_SWITCH_START);
  });
});
