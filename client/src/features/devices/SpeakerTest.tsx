import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeAudio } from '../../media/audioOutput.ts';
import { toneWav } from './testTone.ts';

type Progress = { kind: 'idle' } | { kind: 'playing' } | { kind: 'played' } | { kind: 'failed'; reason: string };

/** Plays a short tone through the chosen speaker (or the default one). */
export function SpeakerTest({ speakerId }: { speakerId: string | undefined }) {
  const { t } = useTranslation('devices');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const player = useRef<{ audio: HTMLAudioElement; url: string } | null>(null);
  useEffect(
    () => () => {
      player.current?.audio.pause();
      if (player.current) URL.revokeObjectURL(player.current.url);
      player.current = null;
    },
    [],
  );
  const play = async () => {
    if (!player.current) {
      const url = URL.createObjectURL(new Blob([toneWav()], { type: 'audio/wav' }));
      const audio = new Audio(url);
      audio.addEventListener('ended', () => setProgress({ kind: 'played' }));
      player.current = { audio, url };
    }
    const { audio } = player.current;
    await routeAudio(audio, speakerId);
    audio.currentTime = 0;
    setProgress({ kind: 'playing' });
    try {
      await audio.play();
    } catch (error) {
      setProgress({ kind: 'failed', reason: error instanceof Error ? error.name : String(error) });
    }
  };
  return (
    <div className="speaker-test">
      <button type="button" className="small" disabled={progress.kind === 'playing'} onClick={() => void play()}>
        {t('testSpeaker')}
      </button>
      <p role="status" className="muted small-print">
        {progress.kind === 'playing' && t('playing')}
        {progress.kind === 'played' && t('played')}
        {progress.kind === 'failed' && t('playFailed', { reason: progress.reason })}
      </p>
    </div>
  );
}
