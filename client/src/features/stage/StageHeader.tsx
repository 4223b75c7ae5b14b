import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { act, showPanel } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectPlace, selectWaiting } from '../../stores/selectors.ts';
import { CurrentItemChip } from '../agenda/CurrentItemChip.tsx';
import { BreakoutBanner } from '../breakouts/BreakoutBanner.tsx';

/** Where we are, what is on, and (for chairs) who is knocking. */
export function StageHeader() {
  const { t } = useTranslation(['stage', 'common']);
  const title = useAppStore((state) => state.workshop?.title ?? '');
  const place = useAppStore(useShallow(selectPlace));
  const chair = useAppStore(selectIsChair);
  const waiting = useAppStore((state) => (selectIsChair(state) ? selectWaiting(state).length : 0));
  return (
    <header className="stage-header">
      <div className="stage-title">
        <h1>{title}</h1>
        <p className="place">
          {place.kind === 'breakout' ? (
            <>
              <span className="badge breakout">{t('place.breakout')}</span>{' '}
              {place.roomName ?? t('common:aBreakoutRoom')}
              {place.visiting && <span className="badge">{t('place.visiting')}</span>}
            </>
          ) : (
            <span className="badge plenary">{t('place.plenary')}</span>
          )}
        </p>
      </div>
      <div className="stage-status">
        {/* Each brings its own words: until they arrive it shows nothing, and the stage stays. */}
        <Suspense fallback={null}>
          <CurrentItemChip />
        </Suspense>
        <Suspense fallback={null}>
          <BreakoutBanner />
        </Suspense>
        {place.kind === 'breakout' && place.visiting && (
          <button type="button" className="small" onClick={() => void act({ type: 'breakouts.visit', roomId: null })}>
            {t('place.backToPlenary')}
          </button>
        )}
        {chair && waiting > 0 && (
          <button type="button" className="small attention" onClick={() => showPanel('people')}>
            {t('place.waitingInLobby', { count: waiting })}
          </button>
        )}
        <LanguagePicker />
      </div>
    </header>
  );
}
