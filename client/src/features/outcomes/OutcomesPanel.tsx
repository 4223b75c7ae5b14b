import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/appStore.ts';
import { selectPlace } from '../../stores/selectors.ts';
import { OutcomesCard } from './OutcomesCard.tsx';
import { myGroups } from './outcomes.ts';

/** The Outcomes tab: the group one is in (or was in), its rapporteur editing, everyone reading. */
export function OutcomesPanel() {
  const workshop = useAppStore((state) => state.workshop);
  const selfId = useAppStore((state) => state.selfId);
  const place = useAppStore(useShallow(selectPlace));
  if (!workshop) return null;
  const groups = myGroups(workshop, selfId, place.kind === 'breakout' ? place.roomId : null);
  if (groups.length === 0) {
    return (
      <p className="muted">
        When you are in a breakout group, its challenges, solutions, trends and proposals are here.
      </p>
    );
  }
  return (
    <div className="outcomes-panel">
      {groups.map(({ set, room }) => (
        <OutcomesCard
          key={room.id}
          roomId={room.id}
          roomName={workshop.breakouts.sets.length > 1 ? `${room.name} (${set.name})` : room.name}
          mode="group"
        />
      ))}
    </div>
  );
}
