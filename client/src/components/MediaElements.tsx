import { useEffect, useRef } from 'react';
import { routeAudio, useChosenDevices } from '../media/audioOutput.ts';

interface VideoViewProps {
  track: MediaStreamTrack | undefined;
  /** Our own camera, shown as a mirror is. */
  mirrored?: boolean;
  /** `cover` fills a tile (faces); `contain` shows all of it (a shared screen: nothing cut off). */
  fit?: 'cover' | 'contain';
}

/** Shows a video track; always muted (sound goes through `AudioSink`), so autoplay is never blocked. */
export function VideoView({ track, mirrored = false, fit = 'cover' }: VideoViewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    // React sets the `muted` property but not the attribute; `defaultMuted` reflects the attribute.
    video.muted = true;
    video.defaultMuted = true;
    attach(video, track);
  }, [track]);
  const classes = [mirrored ? 'mirrored' : '', fit === 'contain' ? 'contain' : ''].filter(Boolean).join(' ');
  return <video ref={ref} className={classes || undefined} autoPlay playsInline muted />;
}

/** Plays a received audio track. Invisible: it has no controls. */
export function AudioSink({ track }: { track: MediaStreamTrack | undefined }) {
  const ref = useRef<HTMLAudioElement>(null);
  const speaker = useChosenDevices().speaker;
  useEffect(() => {
    const audio = ref.current;
    if (audio) attach(audio, track);
  }, [track]);
  useEffect(() => {
    if (ref.current) void routeAudio(ref.current, speaker);
  }, [speaker]);
  // biome-ignore lint/a11y/useMediaCaption: live call audio has no caption file; captions will come from live transcription.
  return <audio ref={ref} autoPlay />;
}

function attach(element: HTMLMediaElement, track: MediaStreamTrack | undefined): void {
  const current = element.srcObject instanceof MediaStream ? element.srcObject.getTracks()[0] : undefined;
  if (current === track) return;
  element.srcObject = track ? new MediaStream([track]) : null;
  if (!track) return;
  element.play().catch((error: unknown) => {
    // Autoplay with sound can be refused until the person interacts with the page: retry then.
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      document.addEventListener('pointerdown', () => void element.play().catch(() => undefined), { once: true });
    }
  });
}
