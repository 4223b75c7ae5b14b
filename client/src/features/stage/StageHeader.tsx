import { useShallow } from 'zustand/react/shallow';
import { act, showPanel } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectPlace, selectWaiting } from '../../stores/selectors.ts';
import { CurrentItemChip } from '../agenda/CurrentItemChip.tsx';
import { BreakoutBanner } from '../breakouts/BreakoutBanner.tsx';

/** Where we are, what is on, and (for chairs) who is knocking. */
export function StageHeader() {
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
              <span className="badge breakout">Breakout</span> {place.roomName}
              {place.visiting && <span className="badge">Visiting</span>}
            </>
          ) : (
            <span className="badge plenary">Plenary</span>
          )}
        </p>
      </div>
      <div className="stage-status">
        <CurrentItemChip />
        <BreakoutBanner />
        {place.kind === 'breakout' && place.visiting && (
          <button type="button" className="small" onClick={() => void act({ type: 'breakouts.visit', roomId: null })}>
            Back to plenary
          </button>
        )}
        {chair && waiting > 0 && (
          <button type="button" className="small attention" onClick={() => showPanel('people')}>
            {waiting} waiting in the lobby
          </button>
        )}
      </div>
    </header>
  );
}
