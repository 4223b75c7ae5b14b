import type { RoomOutcomes, WorkshopView } from '@plenary/shared';
import { formatClock } from '../../lib/time.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';
import { itemCount } from './outcomes.ts';
import { SectionsView } from './SectionsView.tsx';

/** Every submitted version, newest first, each one readable as it was sent. */
export function VersionHistory({ outcomes, workshop }: { outcomes: RoomOutcomes; workshop: WorkshopView }) {
  const zone = useAppStore(selectViewerTimeZone);
  if (outcomes.versions.length === 0) return null;
  return (
    <details className="version-history">
      <summary>Submitted versions ({outcomes.versions.length})</summary>
      <ol className="plain-list">
        {[...outcomes.versions].reverse().map((version) => (
          <li key={version.version}>
            <details>
              <summary>
                Version {version.version} · {formatClock(version.submittedAt, zone)} by{' '}
                {workshop.participants[version.submittedBy]?.name ?? 'someone'} · {itemCount(version.sections)} items
                {outcomes.acceptedVersion === version.version && (
                  <span className="badge outcome-accepted">Accepted</span>
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
