import type { ParticipantId } from '@plenary/shared';
import { AudioSink, VideoView } from '../../components/MediaElements.tsx';
import { useTrack } from '../../media/useTrack.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectPeer, selectSourceLive } from '../../stores/selectors.ts';

export function ParticipantTile({ participantId }: { participantId: ParticipantId }) {
  const peer = useAppStore(selectPeer(participantId));
  const isSelf = useAppStore((state) => state.selfId === participantId);
  const speaking = useAppStore((state) => state.activeSpeakerId === participantId);
  const name = useAppStore((state) => state.workshop?.participants[participantId]?.name);
  const micLive = useAppStore(selectSourceLive(participantId, 'mic'));
  const cameraLive = useAppStore(selectSourceLive(participantId, 'camera'));
  const camera = useTrack(participantId, 'camera');
  const mic = useTrack(participantId, 'mic');
  if (!peer) return null;
  const showVideo = cameraLive && camera !== undefined;
  const displayName = name ?? peer.displayName;
  return (
    <figure
      className="tile"
      data-participant-id={participantId}
      data-speaking={speaking ? '' : undefined}
      aria-label={displayName}
    >
      <VideoView track={showVideo ? camera : undefined} mirrored={isSelf} />
      {!showVideo && (
        <div className="avatar" aria-hidden="true">
          {initials(displayName)}
        </div>
      )}
      {/* Our own voice is never played back to us. */}
      {!isSelf && <AudioSink track={mic} />}
      <figcaption>
        <span className="tile-name">
          {displayName}
          {isSelf && ' (you)'}
        </span>
        {!micLive && (
          <span className="mic-off" role="img" aria-label="Microphone off">
            <MicOffIcon />
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/u);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}

function MicOffIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19 11h-1.7c0 .74-.16 1.43-.43 2.05l1.23 1.23c.56-.98.9-2.09.9-3.28zm-4.02.17c0-.06.02-.11.02-.17V5c0-1.66-1.34-3-3-3S9 3.34 9 5v.18l5.98 5.99zM4.27 3 3 4.27l6.01 6.01V11c0 1.66 1.33 3 2.99 3 .22 0 .44-.03.65-.08l1.66 1.66c-.71.33-1.5.52-2.31.52-2.76 0-5.3-2.1-5.3-5.1H5c0 3.41 2.72 6.23 6 6.72V21h2v-3.28c.91-.13 1.77-.45 2.54-.9L19.73 21 21 19.73 4.27 3z"
      />
    </svg>
  );
}
