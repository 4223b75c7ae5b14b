// The speaker test's sound, made here rather than shipped: three rising notes as a small WAV file,
// which an <audio> element can play through a chosen speaker (setSinkId), unlike Web Audio alone.

export interface ToneOptions {
  /** Hz, played one after another */
  notes: readonly number[];
  noteMs: number;
  sampleRate: number;
  /** 0 to 1 */
  volume: number;
}

export const TEST_TONE: ToneOptions = { notes: [523.25, 659.25, 783.99], noteMs: 220, sampleRate: 22_050, volume: 0.4 };

const FADE_MS = 15;

/** 16-bit mono PCM WAV bytes; each note fades in and out so it starts and ends without a click. */
export function toneWav({ notes, noteMs, sampleRate, volume }: ToneOptions = TEST_TONE): Uint8Array<ArrayBuffer> {
  const perNote = Math.round((noteMs / 1000) * sampleRate);
  const fade = Math.min(Math.round((FADE_MS / 1000) * sampleRate), Math.floor(perNote / 2));
  const count = perNote * notes.length;
  const bytes = new Uint8Array(44 + count * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + count * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, count * 2, true);
  notes.forEach((frequency, note) => {
    for (let i = 0; i < perNote; i++) {
      const envelope = Math.min(1, i / fade, (perNote - 1 - i) / fade);
      const sample = Math.sin((2 * Math.PI * frequency * i) / sampleRate) * volume * envelope;
      view.setInt16(44 + (note * perNote + i) * 2, Math.round(sample * 32_767), true);
    }
  });
  return bytes;
}
