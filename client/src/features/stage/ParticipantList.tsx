import type { ModerationAction } from '@plenary/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { moderateMedia } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { selectSending, sendingKeyOf } from './mediaSelectors.ts';
import { groupByOrganisation, type PersonRow, peopleInRoom } from './organisations.ts';

/** Who is in this room, by delegation. Each item's text starts with the name; "(you)" is added by CSS. */
export function ParticipantList() {
  const { t } = useTranslation(['stage', 'common']);
  const peers = useAppStore(useShallow((state) => Object.values(state.peers)));
  const participants = useAppStore((state) => state.workshop?.participants);
  const selfId = useAppStore((state) => state.selfId);
  const chair = useAppStore(selectIsChair);
  const sending = useAppStore(useShallow(selectSending));
  const groups = useMemo(() => groupByOrganisation(peopleInRoom(peers, participants)), [peers, participants]);
  const live = useMemo(() => new Set(sending), [sending]);
  return (
    <section className="panel-section" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('people.inThisRoom')} <span className="count">({peers.length})</span>
      </h2>
      <ul aria-label={t('people.list')} className="participant-list">
        {groups.map((group) => [
          // A visual heading only: each person's item already says their organisation.
          <li key={`org:${group.organisation}`} className="org-heading" aria-hidden="true">
            {group.organisation || t('people.noOrganisation')} <span className="count">{group.people.length}</span>
          </li>,
          ...group.people.map((person) => (
            <li key={person.id} data-self={person.id === selfId ? '' : undefined}>
              <span className="person-name" data-you={person.id === selfId ? t('common:you') : undefined}>
                {person.name}
              </span>
              {person.role && <RoleBadge role={person.role} />}
              {group.organisation && <span className="visually-hidden">, {group.organisation}</span>}
              {chair && person.id !== selfId && <Moderation person={person} live={live} />}
            </li>
          )),
        ])}
      </ul>
    </section>
  );
}

/** A chair's buttons for one person: only for what that person is sending now. */
function Moderation({ person, live }: { person: PersonRow; live: ReadonlySet<string> }) {
  const { t } = useTranslation('stage');
  const has = (source: 'mic' | 'camera' | 'screen') => live.has(sendingKeyOf(person.id, source));
  if (!has('mic') && !has('camera') && !has('screen')) return null;
  const act = (action: ModerationAction) => () => void moderateMedia(person.id, action);
  return (
    <span className="moderation">
      {has('mic') && (
        <button
          type="button"
          className="small"
          aria-label={t('people.mutePerson', { name: person.name })}
          onClick={act('mute')}
        >
          {t('people.mute')}
        </button>
      )}
      {has('camera') && (
        <button
          type="button"
          className="small"
          aria-label={t('people.stopCameraOf', { name: person.name })}
          onClick={act('stopCamera')}
        >
          {t('people.stopCamera')}
        </button>
      )}
      {has('screen') && (
        <button
          type="button"
          className="small"
          aria-label={t('people.stopShareOf', { name: person.name })}
          onClick={act('stopShare')}
        >
          {t('people.stopShare')}
        </button>
      )}
    </span>
  );
}
