import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/appStore.ts';
import { presentationQueue } from './presentationQueue.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The day's presenters from the agenda, in order, with the current one marked. */
export function PresentationQueue() {
  const { t } = useTranslation('presentation');
  const workshop = useAppStore((state) => state.workshop);
  if (!workshop) return null;
  const queue = presentationQueue(workshop, today());
  if (queue.length === 0) return null;
  const next = queue.find((entry) => entry.state === 'next');
  return (
    <section className="presentation-queue" aria-labelledby="presentation-queue-title">
      <h3 id="presentation-queue-title">{t('queue.title')}</h3>
      {next && <p className="small-print">{t('queue.next', { presenter: next.presenter, title: next.title })}</p>}
      <ol className="plain-list">
        {queue.map((entry) => (
          <li key={entry.itemId} data-state={entry.state} aria-current={entry.state === 'current' ? 'true' : undefined}>
            <span className="muted">{entry.start}</span> {entry.presenter} — {entry.title}
            {entry.state === 'current' && <span className="queue-now"> {t('queue.now')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
