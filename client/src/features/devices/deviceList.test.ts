import { describe, expect, it } from 'vitest';
import { listDevices, shownDevice } from './deviceList.ts';

const unnamed = (kind: string, position: number) => `${kind} ${position}`;

describe('listDevices', () => {
  it('sorts devices into cameras, microphones and speakers, in the browser’s order', () => {
    const lists = listDevices(
      [
        { deviceId: 'default', kind: 'audioinput', label: 'Default - Headset' },
        { deviceId: 'cam-a', kind: 'videoinput', label: 'Laptop camera' },
        { deviceId: 'mic-b', kind: 'audioinput', label: 'USB microphone' },
        { deviceId: 'out-a', kind: 'audiooutput', label: 'Speakers' },
        { deviceId: 'cam-a', kind: 'videoinput', label: 'Laptop camera' },
        { deviceId: 'x', kind: 'printer', label: 'Printer' },
      ],
      unnamed,
    );
    expect(lists).toEqual({
      camera: [{ deviceId: 'cam-a', label: 'Laptop camera' }],
      mic: [
        { deviceId: 'default', label: 'Default - Headset' },
        { deviceId: 'mic-b', label: 'USB microphone' },
      ],
      speaker: [{ deviceId: 'out-a', label: 'Speakers' }],
    });
  });

  it('leaves out the placeholders listed before access is allowed, and names unlabelled devices', () => {
    const lists = listDevices(
      [
        { deviceId: '', kind: 'videoinput', label: '' },
        { deviceId: '', kind: 'audioinput', label: '' },
        { deviceId: 'cam-1', kind: 'videoinput', label: '  ' },
        { deviceId: 'cam-2', kind: 'videoinput', label: '' },
      ],
      unnamed,
    );
    expect(lists.mic).toEqual([]);
    expect(lists.camera.map((option) => option.label)).toEqual(['camera 1', 'camera 2']);
  });
});

describe('shownDevice', () => {
  const options = [
    { deviceId: 'a', label: 'A' },
    { deviceId: 'b', label: 'B' },
  ];

  it('shows the chosen device while it is there, else the one in use, else the first', () => {
    expect(shownDevice(options, 'b', 'a')).toBe('b');
    expect(shownDevice(options, 'gone', 'b')).toBe('b');
    expect(shownDevice(options, undefined, 'gone')).toBe('a');
    expect(shownDevice([], 'b')).toBe('');
  });
});
