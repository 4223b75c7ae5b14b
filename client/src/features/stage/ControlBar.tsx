import { useTranslation } from 'react-i18next';
import { leaveWorkshop, speakToAllRooms, toggleCamera, toggleMic, toggleScreenShare } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectSelf } from '../../stores/selectors.ts';
import { DevicesControl } from '../devices/lazy.tsx';

/** Sharing needs getDisplayMedia, which phones and some tablets lack: no button that can only fail. */
const canShareScreen =
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

export function ControlBar() {
  const { t } = useTranslation('stage');
  const observer = useAppStore((state) => selectSelf(state)?.role === 'observer');
  const offline = useAppStore((state) => state.link === 'reconnecting');
  return (
    <fieldset className="control-bar">
      <legend className="visually-hidden">{t('controls.legend')}</legend>
      {observer ? <p className="observer-note">{t('controls.observing')}</p> : <SendingControls offline={offline} />}
      <SpeakToAllRooms offline={offline} />
      <DevicesControl sends={!observer} />
      <button type="button" className="danger" onClick={() => void leaveWorkshop()}>
        {t('controls.leave')}
      </button>
    </fieldset>
  );
}

function SendingControls({ offline }: { offline: boolean }) {
  const { t } = useTranslation('stage');
  const mic = useAppStore((state) => state.localMedia.mic);
  const camera = useAppStore((state) => state.localMedia.camera);
  const screen = useAppStore((state) => state.screenShare);
  // A mic that is not sending (paused, or never started) reads as muted; pressing it turns it on.
  const muted = mic === 'paused' || mic === 'off';
  const cameraOn = camera === 'live' || camera === 'starting';
  return (
    <>
      <button
        type="button"
        aria-pressed={muted}
        disabled={offline || mic === 'starting'}
        onClick={() => void toggleMic()}
      >
        {muted ? t('controls.unmute') : t('controls.mute')}
      </button>
      <button type="button" disabled={offline || camera === 'starting'} onClick={() => void toggleCamera()}>
        {cameraOn ? t('controls.stopCamera') : t('controls.startCamera')}
      </button>
      {canShareScreen && (
        <button type="button" disabled={offline || screen === 'starting'} onClick={() => void toggleScreenShare()}>
          {screen === 'live' ? t('controls.stopSharing') : t('controls.shareScreen')}
        </button>
      )}
    </>
  );
}

/** Chairs, while breakout rooms are open: their microphone is heard in every room too. */
function SpeakToAllRooms({ offline }: { offline: boolean }) {
  const { t } = useTranslation('stage');
  const chair = useAppStore(selectIsChair);
  const openedAt = useAppStore((state) => state.workshop?.breakouts.open?.openedAt ?? null);
  const on = useAppStore((state) => openedAt !== null && state.speakingToAllRooms === openedAt);
  // The rooms hear our microphone's producer: there is none to send them while it starts.
  const micStarting = useAppStore((state) => state.localMedia.mic === 'starting');
  if (!chair || openedAt === null) return null;
  return (
    <button
      type="button"
      className="live-toggle"
      aria-pressed={on}
      disabled={offline || micStarting}
      onClick={() => void speakToAllRooms(!on)}
    >
      {t('controls.speakToAllRooms')}
    </button>
  );
}
