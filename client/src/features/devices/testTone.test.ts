import { describe, expect, it } from 'vitest';
import { TEST_TONE, toneWav } from './testTone.ts';

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

describe('the speaker test tone', () => {
  it('is a valid 16-bit mono PCM WAV file of the notes’ length', () => {
    const wav = toneWav({ notes: [440, 880], noteMs: 100, sampleRate: 8_000, volume: 0.5 });
    const view = new DataView(wav.buffer);
    expect(ascii(wav, 0, 4)).toBe('RIFF');
    expect(ascii(wav, 8, 8)).toBe('WAVEfmt ');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(8_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(wav, 36, 4)).toBe('data');
    const samples = 2 * 800;
    expect(view.getUint32(40, true)).toBe(samples * 2);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(wav.length).toBe(44 + samples * 2);
  });

  it('starts and ends each note silent (no click) and reaches its volume in between', () => {
    const wav = toneWav({ notes: [440, 660], noteMs: 100, sampleRate: 8_000, volume: 0.5 });
    const view = new DataView(wav.buffer);
    const sample = (i: number) => view.getInt16(44 + i * 2, true);
    expect(sample(0)).toBe(0);
    expect(Math.abs(sample(799))).toBeLessThan(200);
    expect(sample(800)).toBe(0);
    const peak = Math.max(...Array.from({ length: 800 }, (_, i) => Math.abs(sample(i))));
    expect(peak).toBeGreaterThan(0.45 * 32_767);
    expect(peak).toBeLessThanOrEqual(0.5 * 32_767 + 1);
  });

  it('lasts well under a second by default', () => {
    const seconds = (TEST_TONE.notes.length * TEST_TONE.noteMs) / 1000;
    expect(seconds).toBeLessThan(1);
    expect(toneWav().length).toBe(44 + Math.round((TEST_TONE.noteMs / 1000) * TEST_TONE.sampleRate) * 3 * 2);
  });
});
