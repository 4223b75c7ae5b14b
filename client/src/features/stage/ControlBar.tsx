import { leaveWorkshop, toggleCamera, toggleMic } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

export function ControlBar() {
  const mic = useAppStore((state) => state.localMedia.mic);
  const camera = useAppStore((state) => state.localMedia.camera);
  const offline = useAppStore((state) => state.link === 'reconnecting');
  // A mic that is not sending (paused, or never started) reads as muted; pressing it turns it on.
  const muted = mic === 'paused' || mic === 'off';
  const cameraOn = camera === 'live' || camera === 'starting';
  return (
    <fieldset className="control-bar">
      <legend className="visually-hidden">Your microphone and camera</legend>
      <button
        type="button"
        aria-pressed={muted}
        disabled={offline || mic === 'starting'}
        onClick={() => void toggleMic()}
      >
        {muted ? 'Unmute' : 'Mute'}
      </button>
      <button type="button" disabled={offline || camera === 'starting'} onClick={() => void toggleCamera()}>
        {cameraOn ? 'Stop camera' : 'Start camera'}
      </button>
      <button type="button" className="danger" onClick={() => void leaveWorkshop()}>
        Leave
      </button>
    </fieldset>
  );
}
