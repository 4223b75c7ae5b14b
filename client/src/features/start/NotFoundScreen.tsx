import { useTranslation } from 'react-i18next';
import { EntryCard } from '../../components/EntryCard.tsx';

export function NotFoundScreen() {
  const { t } = useTranslation('start');
  return (
    <EntryCard title={t('notFound.title')}>
      <p className="lead">{t('notFound.lead')}</p>
      <p>
        <a href="/">{t('notFound.start')}</a>
      </p>
    </EntryCard>
  );
}
