import type { ParticipantId } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { AudioSink, VideoView } from '../../components/MediaElements.tsx';
import { useTileView } from '../../media/useTileView.ts';
import { useTrack } from '../../media/useTrack.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectPeer, selectSourceLive } from '../../stores/selectors.ts';
import { LinkBadge } from './LinkBadge.tsx';

interface TileProps {
  participantId: ParticipantId;
  /** Heard here from elsewhere: a chair speaking to every breakout room. */
  guest?: boolean;
  /** The active speaker of a large room: drawn across two columns and two rows. */
  spotlight?: boolean;
}

/** How many of a room device's people are named on its tile before "and N more". */
const NAMED_IN_ROOM = 6;

export function ParticipantTile({ participantId, guest = false, spotlight = false }: TileProps) {
  const { t } = useTranslation(['stage', 'common']);
  const peer = useAppStore(selectPeer(participantId));
  const isSelf = useAppStore((state) => state.selfId === participantId);
  // Someone whose media does not reach the server is never shown speaking (their tile would be black).
  const speaking = useAppStore(
    (state) => state.activeSpeakerId === participantId && state.connections[participantId]?.state !== 'notConnected',
  );
  const participant = useAppStore((state) => state.workshop?.participants[participantId]);
  const micLive = useAppStore(selectSourceLive(participantId, 'mic'));
  const cameraLive = useAppStore(selectSourceLive(participantId, 'camera'));
  const camera = useTrack(participantId, 'camera');
  const mic = useTrack(participantId, 'mic');
  const viewRef = useTileView(participantId, 'camera');
  if (!peer && !guest) return null;
  const showVideo = cameraLive && camera !== undefined;
  const displayName = participant?.name ?? peer?.displayName ?? t('common:role.facilitator');
  const label = guest ? t('tile.guestLabel', { name: displayName }) : displayName;
  const inRoom = participant?.role === 'room-device' ? participant.inRoomPeople : [];
  const observer = participant?.role === 'observer';
  return (
    <figure
      ref={viewRef}
      className="tile"
      data-participant-id={participantId}
      data-self={isSelf ? '' : undefined}
      data-guest={guest ? '' : undefined}
      data-speaking={speaking ? '' : undefined}
      data-spotlight={spotlight ? '' : undefined}
      aria-label={label}
    >
      <VideoView track={showVideo ? camera : undefined} mirrored={isSelf} />
      {!showVideo && (
        <div className="avatar" aria-hidden="true">
          {initials(displayName)}
        </div>
      )}
      {/* Our own voice is never played back to us. */}
      {!isSelf && <AudioSink track={mic} />}
      {inRoom.length > 0 && <InRoomPeople names={inRoom} room={displayName} />}
      <figcaption>
        <span className="tile-name">{isSelf ? t('common:nameYou', { name: displayName }) : displayName}</span>
        {guest && <span className="tile-tag">{t('tile.guest')}</span>}
        {observer && <span className="tile-tag quiet">{t('common:role.observer')}</span>}
        {speaking && <span className="visually-hidden">{t('tile.speaking')}</span>}
        {!guest && <LinkBadge participantId={participantId} name={displayName} />}
        {/* An observer has no microphone to be off. */}
        {!micLive && !observer && (
          <span className="mic-off" role="img" aria-label={t('tile.micOff')}>
            <MicOffIcon />
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** A meeting-room device stands for the people around it: their names are on its tile. */
function InRoomPeople({ names, room }: { names: readonly string[]; room: string }) {
  const { t } = useTranslation('stage');
  const shown = names.slice(0, NAMED_IN_ROOM);
  const more = names.length - shown.length;
  return (
    <ul className="in-room-people" aria-label={t('tile.inRoomWith', { room })}>
      {/* The server keeps the names of one room unique. */}
      {shown.map((name) => (
        <li key={name}>{name}</li>
      ))}
      {more > 0 && <li className="muted">{t('tile.andMore', { count: more })}</li>}
    </ul>
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
