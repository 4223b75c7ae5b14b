import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectWaiting } from '../../stores/selectors.ts';

/** Chairs: who is waiting in the lobby, to admit one by one or all at once. */
export function LobbyList() {
  const { t } = useTranslation('lobby');
  const waiting = useAppStore(useShallow(selectWaiting));
  if (waiting.length === 0) return null;
  return (
    <section className="panel-section lobby-list" aria-labelledby="lobby-list-title">
      <div className="section-head">
        <h2 id="lobby-list-title">{t('list.title', { count: waiting.length })}</h2>
        <button type="button" className="primary small" onClick={() => void act({ type: 'lobby.admitAll' })}>
          {t('list.admitAll')}
        </button>
      </div>
      <ul className="plain-list">
        {waiting.map((person) => (
          <li key={person.id} className="row">
            <span className="grow">
              {person.name} <span className="muted">· {person.organisation}</span>
            </span>
            <button
              type="button"
              className="small"
              aria-label={t('list.admitPerson', { name: person.name })}
              onClick={() => void act({ type: 'lobby.admit', participantId: person.id })}
            >
              {t('list.admit')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
