// The microphone level meter's arithmetic: from an AnalyserNode's samples to a bar length.

/** Root mean square of time-domain samples in [-1, 1]: 0 for silence, about 0.7 for a full-scale sine. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i] ?? 0;
    sum += sample * sample;
  }
  return Math.sqrt(sum / samples.length);
}

const FLOOR_DB = -60;

/**
 * How full the bar is, 0 to 1, on a decibel scale from -60 dBFS (empty) to 0 dBFS (full): ears
 * hear loudness logarithmically, so quiet speech still moves the bar visibly.
 */
export function meterLevel(rmsValue: number): number {
  if (!(rmsValue > 0)) return 0;
  const db = 20 * Math.log10(rmsValue);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** The bar jumps up at once and sinks gently, as meters do, so short syllables stay readable. */
export function smoothLevel(previous: number, next: number, fallPerFrame = 0.04): number {
  return next >= previous ? next : Math.max(next, previous - fallPerFrame);
}
