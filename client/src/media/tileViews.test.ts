import { describe, expect, it } from 'vitest';
import { pid } from '../testing/fakes.ts';
import { decideReceiving, type TileView, ViewRegistry } from './tileViews.ts';

const shown = (width: number, height: number): TileView => ({ visible: true, width, height });
const hidden = (width = 400, height = 225): TileView => ({ visible: false, width, height });

describe('decideReceiving', () => {
  it('always lets audio flow, seen or not', () => {
    expect(decideReceiving('audio', 'mic', [hidden()])).toEqual({ paused: false, spatialLayer: null });
  });

  it('pauses a video no visible tile shows', () => {
    expect(decideReceiving('video', 'camera', [hidden()])).toEqual({ paused: true, spatialLayer: null });
    expect(decideReceiving('video', 'screen', [hidden(), hidden()])).toMatchObject({ paused: true });
  });

  it('lets a video flow before any tile has reported, so the first frame is not held back', () => {
    expect(decideReceiving('video', 'camera', undefined)).toEqual({ paused: false, spatialLayer: null });
    expect(decideReceiving('video', 'camera', [])).toEqual({ paused: false, spatialLayer: null });
  });

  it('asks for the layer the largest visible tile needs, ignoring hidden ones', () => {
    expect(decideReceiving('video', 'camera', [shown(160, 90)])).toEqual({ paused: false, spatialLayer: 0 });
    expect(decideReceiving('video', 'camera', [shown(160, 90), hidden(1280, 720)])).toMatchObject({
      spatialLayer: 0,
    });
    expect(decideReceiving('video', 'camera', [shown(160, 90), shown(960, 540)])).toMatchObject({
      spatialLayer: 2,
    });
  });

  it('leaves a screen share (one layer) to the server', () => {
    expect(decideReceiving('video', 'screen', [shown(160, 90)])).toEqual({ paused: false, spatialLayer: null });
  });
});

describe('ViewRegistry', () => {
  it('keeps each element’s view by person and source, and forgets an element that is gone', () => {
    const registry = new ViewRegistry();
    const [a, b] = [registry.newViewId(), registry.newViewId()];
    registry.report(pid('bob'), 'camera', a, shown(320, 180));
    registry.report(pid('bob'), 'camera', b, hidden());
    registry.report(pid('bob'), 'screen', a, shown(1280, 720));
    expect(registry.viewsOf(pid('bob'), 'camera')).toEqual([shown(320, 180), hidden()]);
    registry.report(pid('bob'), 'camera', a, null);
    expect(registry.viewsOf(pid('bob'), 'camera')).toEqual([hidden()]);
    expect(registry.viewsOf(pid('cy'), 'camera')).toEqual([]);
  });

  it('tells its listeners about changes only', () => {
    const registry = new ViewRegistry();
    let told = 0;
    const stop = registry.subscribe(() => {
      told += 1;
    });
    const id = registry.newViewId();
    registry.report(pid('bob'), 'camera', id, shown(320, 180));
    registry.report(pid('bob'), 'camera', id, shown(320, 180));
    registry.report(pid('bob'), 'camera', id, hidden(320, 180));
    registry.report(pid('bob'), 'camera', registry.newViewId(), null);
    expect(told).toBe(2);
    stop();
    registry.report(pid('bob'), 'camera', id, null);
    expect(told).toBe(2);
  });
});
