import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { useAppStore } from '../../stores/appStore.ts';
import { groupByOrganisation, peopleInRoom } from './organisations.ts';

/** Who is in this room, by delegation. Each item's text starts with the name; "(you)" is added by CSS. */
export function ParticipantList() {
  const peers = useAppStore(useShallow((state) => Object.values(state.peers)));
  const participants = useAppStore((state) => state.workshop?.participants);
  const selfId = useAppStore((state) => state.selfId);
  const groups = useMemo(() => groupByOrganisation(peopleInRoom(peers, participants)), [peers, participants]);
  return (
    <section className="panel-section" aria-labelledby="participants-title">
      <h2 id="participants-title">
        In this room <span className="count">({peers.length})</span>
      </h2>
      <ul aria-label="Participants" className="participant-list">
        {groups.map((group) => [
          // A visual heading only: each person's item already says their organisation.
          <li key={`org:${group.organisation}`} className="org-heading" aria-hidden="true">
            {group.organisation} <span className="count">{group.people.length}</span>
          </li>,
          ...group.people.map((person) => (
            <li key={person.id} data-self={person.id === selfId ? '' : undefined}>
              <span className="person-name">{person.name}</span>
              {person.role && <RoleBadge role={person.role} />}
              <span className="visually-hidden">, {group.organisation}</span>
            </li>
          )),
        ])}
      </ul>
    </section>
  );
}
