import type { Presentation } from '@plenary/shared';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Notices } from '../../components/Notices.tsx';
import { useAppStore } from '../../stores/appStore.ts';
import { selectParticipantIds, selectPlace } from '../../stores/selectors.ts';
import { RecallNotice } from '../breakouts/RecallNotice.tsx';
import { DeckStage } from '../presentation/DeckStage.tsx';
import { ControlBar } from './ControlBar.tsx';
import { selectGuests, selectRemoteScreens } from './mediaSelectors.ts';
import { ParticipantTile } from './ParticipantTile.tsx';
import { ScreenTile } from './ScreenTile.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StageHeader } from './StageHeader.tsx';
import { arrangeStage, type StageLayout, type TileSpec } from './stageLayout.ts';
import { useGalleryLayout } from './useGalleryLayout.ts';

/** A room (the plenary or a breakout): everyone's tiles or a shared screen, the side panel, the controls. */
export function StageScreen() {
  // The words of everything always on the stage, fetched together rather than one after another.
  const { t } = useTranslation(['stage', 'notices', 'errors', 'common']);
  const peerIds = useAppStore(useShallow(selectParticipantIds));
  const screens = useAppStore(useShallow(selectRemoteScreens));
  const guests = useAppStore(useShallow(selectGuests));
  const selfId = useAppStore((state) => state.selfId);
  const activeSpeakerId = useAppStore((state) => state.activeSpeakerId);
  const place = useAppStore(useShallow(selectPlace));
  const layout = arrangeStage({ peerIds, selfId, activeSpeakerId, screens, guests });
  // A deck is presented in the plenary; breakout rooms keep their own stage.
  const presentation = useAppStore((state) => state.workshop?.presentation ?? null);
  const deck = place.kind === 'plenary' ? presentation : null;
  const label =
    place.kind === 'breakout'
      ? t('main.breakout', { room: place.roomName ?? t('common:aBreakoutRoom') })
      : t('main.plenary');
  return (
    <main className="stage" aria-label={label} data-place={place.kind}>
      <StageHeader />
      <Notices topics={['connection', 'media', 'link', 'devices', 'moderation', 'action']} />
      <SharingBanner />
      <RecallNotice />
      <div className="stage-body">
        {deck ? (
          <DeckLayout presentation={deck} tiles={layout.tiles} />
        ) : layout.kind === 'gallery' ? (
          <Gallery tiles={layout.tiles} />
        ) : (
          <ShareStage layout={layout} />
        )}
        <SidePanel />
      </div>
      <ControlBar />
    </main>
  );
}

function Gallery({ tiles }: { tiles: readonly TileSpec[] }) {
  const { t } = useTranslation('stage');
  const gallery = useGalleryLayout<HTMLElement>(tiles.length, tiles[0]?.spotlight ?? false);
  return (
    <section className="video-grid" aria-label={t('video')} ref={gallery.ref} style={gallery.style}>
      {tiles.map((tile) => (
        <ParticipantTile
          key={tile.participantId}
          participantId={tile.participantId}
          guest={tile.guest}
          spotlight={tile.spotlight && gallery.spotlight}
        />
      ))}
    </section>
  );
}

/** Someone shares a screen: it takes the stage, and the people move to a strip beside it. */
function ShareStage({ layout }: { layout: Extract<StageLayout, { kind: 'share' }> }) {
  const { t } = useTranslation('stage');
  return (
    <div className="share-stage">
      <section className="screen-main" aria-label={t('sharedScreen')}>
        <ScreenTile key={layout.screen} participantId={layout.screen} main />
      </section>
      <section className="people-strip" aria-label={t('video')}>
        {layout.otherScreens.map((id) => (
          <ScreenTile key={`screen:${id}`} participantId={id} />
        ))}
        {layout.tiles.map((tile) => (
          <ParticipantTile key={tile.participantId} participantId={tile.participantId} guest={tile.guest} />
        ))}
      </section>
    </div>
  );
}

/** A deck is presented: it takes the stage, and the people move to a strip below it. */
function DeckLayout({ presentation, tiles }: { presentation: Presentation; tiles: readonly TileSpec[] }) {
  const { t } = useTranslation('stage');
  return (
    <div className="share-stage">
      {/* The deck's words arrive with it; the people strip stays meanwhile. */}
      <Suspense fallback={null}>
        <DeckStage presentation={presentation} />
      </Suspense>
      <section className="people-strip" aria-label={t('video')}>
        {tiles.map((tile) => (
          <ParticipantTile key={tile.participantId} participantId={tile.participantId} guest={tile.guest} />
        ))}
      </section>
    </div>
  );
}

/** Our own share is not shown back to us (a picture of the screen inside itself); this says it is on. */
function SharingBanner() {
  const { t } = useTranslation('stage');
  const sharing = useAppStore((state) => state.screenShare === 'live');
  if (!sharing) return null;
  return (
    <p className="sharing-banner" role="status">
      {t('sharingBanner')}
    </p>
  );
}
