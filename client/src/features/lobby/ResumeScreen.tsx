import type { WorkshopId } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { EntryCard } from '../../components/EntryCard.tsx';
import { Notices } from '../../components/Notices.tsx';
import { hasStoredToken, resume } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

/** `/w/<id>`: this device comes back with the token it kept; without one, an invitation is needed. */
export function ResumeScreen({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation('lobby');
  const joining = useAppStore((state) => state.phase === 'joining');
  if (joining) {
    return (
      <EntryCard title={t('resume.joiningTitle')}>
        <p role="status">{t('resume.joining')}</p>
        <Notices topics={['join']} />
      </EntryCard>
    );
  }
  if (!hasStoredToken(workshopId)) {
    return (
      <EntryCard title={t('resume.inviteNeededTitle')}>
        <Notices topics={['join']} />
        <p className="lead">{t('resume.inviteNeeded')}</p>
        <p>
          <a href="/">{t('resume.startNew')}</a>
        </p>
      </EntryCard>
    );
  }
  return (
    <EntryCard title={t('resume.notInTitle')}>
      <Notices topics={['join']} />
      <button type="button" className="primary" onClick={() => void resume(workshopId)}>
        {t('resume.joinAgain')}
      </button>
    </EntryCard>
  );
}
