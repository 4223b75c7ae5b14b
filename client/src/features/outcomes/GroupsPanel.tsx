import type { BreakoutRoom, BreakoutSet, ParticipantId, RoomId } from '@plenary/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { NotesPanel } from '../notes/NotesPanel.tsx';
import { OutcomesCard } from './OutcomesCard.tsx';
import { roomMembers } from './outcomes.ts';
import { ReportBackStart } from './ReportBackStart.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * Chairs, from anywhere (the plenary included): every group of every set with its rapporteur and
 * the state of its outcomes; open one to read its notes live and review, accept or take up its outcomes.
 */
export function GroupsPanel() {
  const { t } = useTranslation('outcomes');
  const sets = useAppStore((state) => state.workshop?.breakouts.sets);
  const openSetId = useAppStore((state) => state.workshop?.breakouts.open?.setId ?? null);
  const [followed, setFollowed] = useState<RoomId | null>(null);
  if (!sets) return null;
  if (sets.length === 0) {
    return <p className="muted">{t('groups.none')}</p>;
  }
  // The open set first, then the newest.
  const ordered = [...sets].reverse().sort((a, b) => Number(b.id === openSetId) - Number(a.id === openSetId));
  return (
    <div className="groups-panel">
      <p className="muted small-print">{t('groups.intro')}</p>
      {ordered.map((set) => (
        <GroupSet
          key={set.id}
          set={set}
          open={set.id === openSetId}
          followed={followed}
          onFollow={(roomId) => setFollowed((current) => (current === roomId ? null : roomId))}
        />
      ))}
      <ReportBackStart />
    </div>
  );
}

interface GroupSetProps {
  set: BreakoutSet;
  open: boolean;
  followed: RoomId | null;
  onFollow: (roomId: RoomId) => void;
}

function GroupSet({ set, open, followed, onFollow }: GroupSetProps) {
  const { t } = useTranslation('outcomes');
  const titleId = useId();
  return (
    <section className="panel-section" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{set.name}</h2>
        {open && <span className="badge breakout">{t('groups.openNow')}</span>}
      </div>
      <ul className="group-list">
        {set.rooms.map((room) => (
          <GroupRow key={room.id} set={set} room={room} followed={followed === room.id} onFollow={onFollow} />
        ))}
      </ul>
    </section>
  );
}

interface GroupRowProps {
  set: BreakoutSet;
  room: BreakoutRoom;
  followed: boolean;
  onFollow: (roomId: RoomId) => void;
}

function GroupRow({ set, room, followed, onFollow }: GroupRowProps) {
  const { t } = useTranslation(['outcomes', 'notes']);
  const workshop = useAppStore((state) => state.workshop);
  const detailId = useId();
  if (!workshop) return null;
  const members = roomMembers(workshop, set, room.id);
  const present = members.filter((person) => person.connected).length;
  return (
    <li className="group-row" data-followed={followed ? '' : undefined} aria-label={room.name}>
      <div className="row">
        <span className="grow">
          <strong>{room.name}</strong>{' '}
          <span className="muted small-print">
            {members.length === 0
              ? t('groups.nobodyAssigned')
              : t('groups.members', { count: members.length, present })}
          </span>
        </span>
        <StatusBadge outcomes={workshop.outcomes[room.id]} />
        <button
          type="button"
          className="small"
          aria-expanded={followed}
          aria-controls={detailId}
          aria-label={
            followed ? t('groups.closeRoom', { room: room.name }) : t('groups.readNotesOf', { room: room.name })
          }
          onClick={() => onFollow(room.id)}
        >
          {followed ? t('groups.close') : t('groups.readNotes')}
        </button>
      </div>
      <RapporteurPicker setId={set.id} room={room} members={members} />
      {followed && (
        <div id={detailId} className="group-detail">
          <section className="notes-panel" aria-label={t('notes:title.room', { room: room.name })}>
            <h3>{t('notes:title.room', { room: room.name })}</h3>
            <NotesPanel roomId={room.id} label={t('notes:title.room', { room: room.name })} />
          </section>
          <OutcomesCard roomId={room.id} roomName={room.name} mode="chair" />
        </div>
      )}
    </li>
  );
}

interface PickerProps {
  setId: string;
  room: BreakoutRoom;
  members: ReadonlyArray<{ id: ParticipantId; name: string }>;
}

function RapporteurPicker({ setId, room, members }: PickerProps) {
  const { t } = useTranslation(['outcomes', 'common']);
  const id = useId();
  const choose = (value: string) =>
    void act({
      type: 'breakouts.setRapporteur',
      setId,
      roomId: room.id,
      participantId: value ? (value as ParticipantId) : null,
    });
  return (
    <div className="row rapporteur-picker">
      <label htmlFor={id} className="muted small-print">
        {t('common:role.rapporteur')}
      </label>
      <select
        id={id}
        aria-label={t('groups.rapporteurOf', { room: room.name })}
        value={room.rapporteurId ?? ''}
        disabled={members.length === 0}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">{members.length === 0 ? t('groups.assignFirst') : t('groups.nobodyYet')}</option>
        {members.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
}
