import type { ParticipantId } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { VideoView } from '../../components/MediaElements.tsx';
import { useTileView } from '../../media/useTileView.ts';
import { useTrack } from '../../media/useTrack.ts';
import { useAppStore } from '../../stores/appStore.ts';

/** Someone's shared screen: large in the share layout, or small beside it when several people share. */
export function ScreenTile({ participantId, main = false }: { participantId: ParticipantId; main?: boolean }) {
  const { t } = useTranslation('stage');
  const name = useAppStore(
    (state) => state.workshop?.participants[participantId]?.name ?? state.peers[participantId]?.displayName ?? '',
  );
  const track = useTrack(participantId, 'screen');
  const viewRef = useTileView(participantId, 'screen');
  const label = name ? t('screenOf', { name }) : t('sharedScreen');
  return (
    <figure
      ref={viewRef}
      className="tile screen-tile"
      data-main={main ? '' : undefined}
      data-participant-id={participantId}
      data-source="screen"
      aria-label={label}
    >
      <VideoView track={track} fit="contain" />
      {!track && (
        <div className="avatar screen-waiting" aria-hidden="true">
          {t('connecting')}
        </div>
      )}
      <figcaption>
        <span className="tile-name">{label}</span>
      </figcaption>
    </figure>
  );
}
