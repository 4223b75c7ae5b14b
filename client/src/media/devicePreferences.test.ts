import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage.ts';
import { FakeTrack } from '../testing/fakes.ts';
import {
  DEVICES_KEY,
  DeviceChoices,
  fallingBackToDefault,
  parseChosenDevices,
  withChosenDevice,
} from './devicePreferences.ts';
import { acquireLocalMedia, captureConstraints } from './localMedia.ts';

describe('parseChosenDevices', () => {
  it('keeps well-formed ids of known kinds and drops the rest', () => {
    expect(parseChosenDevices(JSON.stringify({ camera: 'cam-1', mic: '', speaker: 42, printer: 'p' }))).toEqual({
      camera: 'cam-1',
    });
    expect(parseChosenDevices(JSON.stringify({ mic: 'x'.repeat(513) }))).toEqual({});
  });

  it.each([null, '', '{', 'null', '"camera"', '[1,2]'])('reads %j as "the browser’s defaults"', (text) => {
    expect(parseChosenDevices(text)).toEqual({});
  });
});

describe('DeviceChoices', () => {
  it('remembers a choice across pages and tells listeners once per change', () => {
    const storage = memoryStorage();
    const choices = new DeviceChoices(storage);
    let told = 0;
    choices.subscribe(() => {
      told += 1;
    });
    choices.choose('camera', 'cam-2');
    choices.choose('camera', 'cam-2');
    choices.choose('speaker', 'headset');
    expect(told).toBe(2);
    expect(new DeviceChoices(storage).current()).toEqual({ camera: 'cam-2', speaker: 'headset' });

    const snapshot = choices.current();
    expect(choices.current()).toBe(snapshot);
    choices.choose('camera', null);
    expect(choices.current()).toEqual({ speaker: 'headset' });
    expect(JSON.parse(storage.getItem(DEVICES_KEY) ?? '{}')).toEqual({ speaker: 'headset' });
  });

  it('keeps the choice for this page when storage refuses it', () => {
    const choices = new DeviceChoices({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    choices.choose('mic', 'usb-mic');
    expect(choices.current()).toEqual({ mic: 'usb-mic' });
  });
});

describe('capturing with the chosen devices', () => {
  it('asks for exactly the chosen device, keeping the other constraints', () => {
    expect(withChosenDevice({ echoCancellation: true }, 'usb-mic')).toEqual({
      echoCancellation: true,
      deviceId: { exact: 'usb-mic' },
    });
    expect(withChosenDevice({ echoCancellation: true }, undefined)).toEqual({ echoCancellation: true });
    expect(captureConstraints('camera', { camera: 'cam-2', mic: 'usb-mic' }).video).toMatchObject({
      deviceId: { exact: 'cam-2' },
      width: { ideal: 960 },
    });
  });

  it('is what the media layer asks the browser for', async () => {
    const asked: MediaStreamConstraints[] = [];
    const tracks = [new FakeTrack('audio'), new FakeTrack('video')];
    await acquireLocalMedia(
      ['mic', 'camera'],
      async (constraints) => {
        asked.push(constraints);
        return {
          getTracks: () => tracks.map((t) => t.track),
          getAudioTracks: () => [tracks[0]?.track],
          getVideoTracks: () => [tracks[1]?.track],
        } as unknown as MediaStream;
      },
      { mic: 'usb-mic', camera: 'cam-2' },
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]?.audio).toMatchObject({ deviceId: { exact: 'usb-mic' }, echoCancellation: true });
    expect(asked[0]?.video).toMatchObject({ deviceId: { exact: 'cam-2' } });
  });
});

describe('fallingBackToDefault', () => {
  const domError = (name: string) => Object.assign(new Error(name), { name });
  const stream = {} as MediaStream;

  it('asks again without the device when the chosen one is gone', async () => {
    const asked: MediaStreamConstraints[] = [];
    const capture = fallingBackToDefault(async (constraints) => {
      asked.push(constraints);
      if (asked.length === 1) throw domError('OverconstrainedError');
      return stream;
    });
    expect(await capture({ audio: { deviceId: { exact: 'gone' }, echoCancellation: true } })).toBe(stream);
    expect(asked[1]).toEqual({ audio: { echoCancellation: true } });

    asked.length = 0;
    await capture({ video: { deviceId: { exact: 'gone' } } });
    expect(asked[1]).toEqual({ video: true });
  });

  it('passes on every other refusal, and a failure of both kinds at once (the caller splits them)', async () => {
    let calls = 0;
    const refuse = (name: string) =>
      fallingBackToDefault(async () => {
        calls += 1;
        throw domError(name);
      });
    await expect(refuse('NotAllowedError')({ audio: { deviceId: { exact: 'a' } } })).rejects.toThrow('NotAllowedError');
    await expect(refuse('NotFoundError')({ audio: true })).rejects.toThrow('NotFoundError');
    await expect(
      refuse('OverconstrainedError')({ audio: { deviceId: { exact: 'a' } }, video: { deviceId: { exact: 'v' } } }),
    ).rejects.toThrow('OverconstrainedError');
    expect(calls).toBe(3);
  });
});
