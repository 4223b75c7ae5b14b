import { describe, expect, it } from 'vitest';
import { meterLevel, rms, smoothLevel } from './level.ts';

const sine = (amplitude: number, length = 1024) =>
  Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 64));

describe('the level meter', () => {
  it('measures silence as 0 and a full-scale sine as about 0.707', () => {
    expect(rms(new Float32Array(1024))).toBe(0);
    expect(rms([])).toBe(0);
    expect(rms(sine(1))).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it('fills the bar on a decibel scale: empty at -60 dBFS, half at -30, full at 0', () => {
    expect(meterLevel(0)).toBe(0);
    expect(meterLevel(10 ** (-60 / 20))).toBeCloseTo(0, 6);
    expect(meterLevel(10 ** (-80 / 20))).toBe(0);
    expect(meterLevel(10 ** (-30 / 20))).toBeCloseTo(0.5, 6);
    expect(meterLevel(1)).toBe(1);
    expect(meterLevel(2)).toBe(1);
    expect(meterLevel(Number.NaN)).toBe(0);
  });

  it('shows quiet speech clearly: a sine at a tenth of full scale fills more than half the bar', () => {
    expect(meterLevel(rms(sine(0.1)))).toBeGreaterThan(0.5);
  });

  it('rises at once and falls gently', () => {
    expect(smoothLevel(0.2, 0.9)).toBe(0.9);
    expect(smoothLevel(0.9, 0)).toBeCloseTo(0.86, 6);
    expect(smoothLevel(0.03, 0)).toBe(0);
    let level = 1;
    for (let frame = 0; frame < 10; frame++) level = smoothLevel(level, 0.5);
    expect(level).toBeCloseTo(0.6, 6);
  });
});
