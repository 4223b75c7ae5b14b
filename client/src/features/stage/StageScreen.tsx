import { useShallow } from 'zustand/react/shallow';
import { Notices } from '../../components/Notices.tsx';
import { useAppStore } from '../../stores/appStore.ts';
import { selectParticipantIds, selectPlace } from '../../stores/selectors.ts';
import { ControlBar } from './ControlBar.tsx';
import { ParticipantTile } from './ParticipantTile.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StageHeader } from './StageHeader.tsx';
import { useGalleryLayout } from './useGalleryLayout.ts';

/** A room (the plenary or a breakout): everyone's tiles, the side panel, the controls. */
export function StageScreen() {
  const ids = useAppStore(useShallow(selectParticipantIds));
  const place = useAppStore(useShallow(selectPlace));
  const gallery = useGalleryLayout<HTMLElement>(ids.length);
  const label = place.kind === 'breakout' ? `Breakout: ${place.roomName}` : 'Plenary';
  return (
    <main className="stage" aria-label={label} data-place={place.kind}>
      <StageHeader />
      <Notices topics={['connection', 'media', 'devices', 'moderation', 'action']} />
      <div className="stage-body">
        <section className="video-grid" aria-label="Video" ref={gallery.ref} style={gallery.style}>
          {ids.map((id) => (
            <ParticipantTile key={id} participantId={id} />
          ))}
        </section>
        <SidePanel />
      </div>
      <ControlBar />
    </main>
  );
}
