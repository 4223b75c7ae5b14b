import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/appStore.ts';
import { selectPlace } from '../../stores/selectors.ts';
import { OutcomesCard } from './OutcomesCard.tsx';
import { myGroups } from './outcomes.ts';

/** The Outcomes tab: the group one is in (or was in), its rapporteur editing, everyone reading. */
export function OutcomesPanel() {
  const { t } = useTranslation('outcomes');
  const workshop = useAppStore((state) => state.workshop);
  const selfId = useAppStore((state) => state.selfId);
  const place = useAppStore(useShallow(selectPlace));
  if (!workshop) return null;
  const groups = myGroups(workshop, selfId, place.kind === 'breakout' ? place.roomId : null);
  if (groups.length === 0) {
    return <p className="muted">{t('panel.empty')}</p>;
  }
  return (
    <div className="outcomes-panel">
      {groups.map(({ set, room }) => (
        <OutcomesCard
          key={room.id}
          roomId={room.id}
          roomName={
            workshop.breakouts.sets.length > 1 ? t('panel.roomOfSet', { room: room.name, set: set.name }) : room.name
          }
          mode="group"
        />
      ))}
    </div>
  );
}
