import { useShallow } from 'zustand/react/shallow';
import { Notices } from '../../components/Notices.tsx';
import { useAppStore } from '../../stores/appStore.ts';
import { selectParticipantIds } from '../../stores/selectors.ts';
import { ControlBar } from './ControlBar.tsx';
import { ParticipantList } from './ParticipantList.tsx';
import { ParticipantTile } from './ParticipantTile.tsx';
import { useGalleryLayout } from './useGalleryLayout.ts';

/** The plenary room: everyone's tiles, the side panel (agenda, queue and notes will join it), the controls. */
export function StageScreen() {
  const ids = useAppStore(useShallow(selectParticipantIds));
  const gallery = useGalleryLayout<HTMLElement>(ids.length);
  return (
    <main className="stage" aria-label="Plenary">
      <header className="stage-header">
        <h1>Plenary</h1>
      </header>
      <Notices topics={['connection', 'media', 'devices']} />
      <div className="stage-body">
        <section className="video-grid" aria-label="Video" ref={gallery.ref} style={gallery.style}>
          {ids.map((id) => (
            <ParticipantTile key={id} participantId={id} />
          ))}
        </section>
        <aside className="side-panel">
          <ParticipantList />
        </aside>
      </div>
      <ControlBar />
    </main>
  );
}
