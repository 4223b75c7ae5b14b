import { type RefObject, useEffect } from 'react';
import { meterLevel, rms, smoothLevel } from './level.ts';

type AudioContextClass = typeof AudioContext;

const audioContextClass = (): AudioContextClass | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext);

/**
 * Moves `bar` with the loudness of `track` (an AnalyserNode read every frame). The bar is written
 * to directly, not through React state: sixty renders a second for one bar would be waste. The
 * `meter` screen readers read follows in steps of ten, so it is not announced every frame.
 */
export function useLevelMeter(
  track: MediaStreamTrack | undefined,
  bar: RefObject<HTMLElement | null>,
  meter: RefObject<HTMLMeterElement | null>,
): void {
  useEffect(() => {
    const element = bar.current;
    const Context = audioContextClass();
    if (!track || !element || !Context) return;
    const context = new Context();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let level = 0;
    let announced = -1;
    let frame = 0;
    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      level = smoothLevel(level, meterLevel(rms(samples)));
      element.style.setProperty('--level', level.toFixed(3));
      const step = Math.round(level * 10) * 10;
      if (step !== announced && meter.current) {
        announced = step;
        meter.current.value = step;
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    // A page not yet touched may start its audio suspended (autoplay rules): the first gesture wakes it.
    const wake = () => {
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
    };
    wake();
    document.addEventListener('pointerdown', wake);
    document.addEventListener('keydown', wake);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', wake);
      document.removeEventListener('keydown', wake);
      source.disconnect();
      void context.close().catch(() => undefined);
      element.style.setProperty('--level', '0');
      if (meter.current) meter.current.value = 0;
    };
  }, [track, bar, meter]);
}
