import { useTranslation } from 'react-i18next';
import { EntryTop } from '../../components/EntryCard.tsx';
import { Notices } from '../../components/Notices.tsx';
import { leaveWorkshop } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectSelf } from '../../stores/selectors.ts';

/** Registered but not yet admitted: no media until a facilitator lets this person in. */
export function LobbyScreen() {
  const { t } = useTranslation(['lobby', 'common']);
  const title = useAppStore((state) => state.workshop?.title ?? '');
  const self = useAppStore(selectSelf);
  return (
    <main className="entry" aria-label={t('wait.label')}>
      <div className="entry-card">
        <EntryTop />
        <h1>{title}</h1>
        <p className="lobby-wait" role="status">
          <span className="pulse" aria-hidden="true" />
          {t('wait.waiting')}
        </p>
        {self && (
          <p className="lead">
            {t('wait.youWillJoin', {
              name: self.name,
              organisation: self.organisation,
              role: t(`common:roleAs.${self.role}`),
            })}
          </p>
        )}
        <Notices topics={['connection', 'join']} />
        <button type="button" className="quiet" onClick={() => void leaveWorkshop()}>
          {t('wait.leave')}
        </button>
      </div>
    </main>
  );
}
