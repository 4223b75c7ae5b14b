import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VideoView } from '../../components/MediaElements.tsx';
import { canChooseSpeaker, useChosenDevices } from '../../media/audioOutput.ts';
import { type DeviceKind, deviceChoices } from '../../media/devicePreferences.ts';
import { type DeviceOption, shownDevice } from './deviceList.ts';
import { browserFamily, problemNotices, type SourceProblems } from './mediaProblems.ts';
import { SpeakerTest } from './SpeakerTest.tsx';
import { useDeviceLists } from './useDeviceLists.ts';
import { useLevelMeter } from './useLevelMeter.ts';
import { usePreview } from './usePreview.ts';
import './devices.css';

export interface DeviceCheckProps {
  /** false for observers: they send nothing, so only the speaker is checked (and nothing is asked for) */
  sends: boolean;
  /** shown with its own heading (the join page) or under a dialog's title */
  heading?: boolean;
}

/**
 * Camera preview, microphone level and speaker test, with the devices to choose from. What is
 * chosen is remembered on this device and used for what is sent to the room.
 */
export function DeviceCheck({ sends, heading = true }: DeviceCheckProps) {
  const { t } = useTranslation('devices');
  const titleId = useId();
  const chosen = useChosenDevices();
  const [attempt, setAttempt] = useState(0);
  const preview = usePreview(sends, chosen.camera, chosen.mic, attempt);
  const unnamed = useCallback((kind: DeviceKind, position: number) => t(`unnamed.${kind}`, { position }), [t]);
  const lists = useDeviceLists(preview, unnamed);
  const inUse = (source: 'camera' | 'mic') => preview.tracks[source]?.getSettings?.().deviceId;
  return (
    <section
      className="device-check"
      aria-labelledby={heading ? titleId : undefined}
      aria-label={heading ? undefined : t('title')}
    >
      {heading && (
        <>
          <h2 id={titleId}>{t('title')}</h2>
          <p className="muted small-print">{t('intro')}</p>
        </>
      )}
      {sends && (
        <div className="device-check-media">
          <div className="device-preview">
            {preview.tracks.camera ? (
              <figure aria-label={t('preview')}>
                <VideoView track={preview.tracks.camera} mirrored />
              </figure>
            ) : (
              <p className="device-preview-empty">{preview.starting ? t('starting') : t('noPicture')}</p>
            )}
          </div>
          <div className="device-controls">
            <DeviceSelect
              kind="camera"
              label={t('camera')}
              options={lists.camera}
              value={shownDevice(lists.camera, chosen.camera, inUse('camera'))}
            />
            <DeviceSelect
              kind="mic"
              label={t('microphone')}
              options={lists.mic}
              value={shownDevice(lists.mic, chosen.mic, inUse('mic'))}
            />
            <LevelMeter track={preview.tracks.mic} />
          </div>
        </div>
      )}
      <div className="device-speaker">
        {!canChooseSpeaker() ? (
          <p className="muted small-print">{t('speakerBySystem')}</p>
        ) : (
          // Browsers list speakers once camera or microphone access is allowed.
          lists.speaker.length > 0 && (
            <DeviceSelect
              kind="speaker"
              label={t('speaker')}
              options={lists.speaker}
              value={shownDevice(lists.speaker, chosen.speaker)}
            />
          )
        )}
        <SpeakerTest speakerId={chosen.speaker} />
      </div>
      <Problems problems={preview.problems} onRetry={() => setAttempt((n) => n + 1)} />
    </section>
  );
}

function DeviceSelect({
  kind,
  label,
  options,
  value,
}: {
  kind: DeviceKind;
  label: string;
  options: readonly DeviceOption[];
  value: string;
}) {
  const { t } = useTranslation('devices');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={options.length === 0}
        onChange={(event) => deviceChoices().choose(kind, event.target.value || null)}
      >
        {options.length === 0 && <option value="">{t('noneFound')}</option>}
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function LevelMeter({ track }: { track: MediaStreamTrack | undefined }) {
  const { t } = useTranslation('devices');
  const bar = useRef<HTMLDivElement>(null);
  const meter = useRef<HTMLMeterElement>(null);
  const hintId = useId();
  useLevelMeter(track, bar, meter);
  return (
    <div className="level-meter">
      <meter
        ref={meter}
        className="visually-hidden"
        aria-label={t('level')}
        aria-describedby={hintId}
        min={0}
        max={100}
        value={0}
      />
      <div ref={bar} aria-hidden="true" className="level-bar" data-live={track ? 'true' : 'false'} />
      <p id={hintId} className="muted small-print" hidden={!track}>
        {t('levelHint')}
      </p>
    </div>
  );
}

function Problems({ problems, onRetry }: { problems: SourceProblems; onRetry: () => void }) {
  const { t } = useTranslation('devices');
  const notices = problemNotices(problems);
  if (notices.length === 0) return null;
  const denied = notices.some((notice) => notice.problem === 'denied');
  const retryable = notices.some((notice) => notice.problem !== 'insecure');
  const family = browserFamily(typeof navigator === 'undefined' ? '' : navigator.userAgent);
  return (
    <div role="alert" className="device-problems">
      {notices.map(({ problem, which }) => (
        <p key={`${problem}-${which}`} data-problem={problem}>
          {t(`problem.${problem}.${which}`)}
        </p>
      ))}
      {denied && <p>{t(`howToAllow.${family}`)}</p>}
      <p className="muted">{t('withoutDevices')}</p>
      {retryable && (
        <button type="button" className="small" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      )}
    </div>
  );
}
