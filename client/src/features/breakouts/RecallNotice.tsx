import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { useAppStore } from '../../stores/appStore.ts';
import './recallNotice.css';

/**
 * In a breakout room while the facilitators recall everyone: a banner across the stage with the
 * countdown back to the plenary, announced once to screen readers (the header's chip is silent).
 */
export function RecallNotice() {
  const recallAt = useAppStore((state) =>
    state.whereabouts?.location.kind === 'breakout' || state.whereabouts?.visiting
      ? (state.workshop?.breakouts.open?.recallAt ?? null)
      : null,
  );
  if (recallAt === null) return null;
  // Its words load when a recall first starts; the stage must not blank meanwhile.
  return (
    <Suspense fallback={null}>
      <RecallBanner recallAt={recallAt} />
    </Suspense>
  );
}

function RecallBanner({ recallAt }: { recallAt: number }) {
  const { t } = useTranslation('recall');
  const now = useNow(1000);
  return (
    <div className="recall-notice" data-testid="recall-notice">
      <p role="alert">{t('announce')}</p>
      <p className="recall-countdown mono">{t('countdown', { time: formatDuration(recallAt - now) })}</p>
    </div>
  );
}
