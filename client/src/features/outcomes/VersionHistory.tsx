import type { RoomOutcomes, WorkshopView } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import { formatClock } from '../../lib/time.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';
import { itemCount } from './outcomes.ts';
import { SectionsView } from './SectionsView.tsx';

/** Every submitted version, newest first, each one readable as it was sent. */
export function VersionHistory({ outcomes, workshop }: { outcomes: RoomOutcomes; workshop: WorkshopView }) {
  const { t } = useTranslation('outcomes');
  const locale = useLocale();
  const zone = useAppStore(selectViewerTimeZone);
  if (outcomes.versions.length === 0) return null;
  return (
    <details className="version-history">
      <summary>{t('history.title', { count: outcomes.versions.length })}</summary>
      <ol className="plain-list">
        {[...outcomes.versions].reverse().map((version) => (
          <li key={version.version}>
            <details>
              <summary>
                {t('history.version', {
                  version: version.version,
                  time: formatClock(version.submittedAt, zone, locale),
                  name: workshop.participants[version.submittedBy]?.name ?? t('history.someone'),
                  count: itemCount(version.sections),
                })}
                {outcomes.acceptedVersion === version.version && (
                  <span className="badge outcome-accepted">{t('history.accepted')}</span>
                )}
              </summary>
              <SectionsView sections={version.sections} />
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}
