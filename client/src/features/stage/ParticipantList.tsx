import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/appStore.ts';
import { selectParticipantIds } from '../../stores/selectors.ts';

export function ParticipantList() {
  const ids = useAppStore(useShallow(selectParticipantIds));
  const peers = useAppStore((state) => state.peers);
  const selfId = useAppStore((state) => state.selfId);
  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">
        People <span className="count">({ids.length})</span>
      </h2>
      {/* Each item's text is exactly the name; "(you)" is added by CSS. */}
      <ul aria-label="Participants" className="participant-list">
        {ids.map((id) => (
          <li key={id} data-self={id === selfId ? '' : undefined}>
            {peers[id]?.displayName}
          </li>
        ))}
      </ul>
    </section>
  );
}
