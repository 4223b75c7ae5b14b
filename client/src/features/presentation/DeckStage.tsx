import type { Presentation } from '@plenary/shared';
import { useEffect, useState } from 'react';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { browse, FOLLOWING, type Following, follow, presenterStep, shownPage, stepLocally } from './following.ts';
import { PresenterControls } from './PresenterControls.tsx';
import { useBoxSize, useDeck, usePaint } from './useDeck.ts';

/** The presented PDF, large on the stage: the presenter turns pages, everyone else follows or browses. */
export function DeckStage({ presentation }: { presentation: Presentation }) {
  const workshopId = useAppStore((state) => state.workshopId);
  const item = useAppStore((state) => state.workshop?.library.find((entry) => entry.id === presentation.libraryItemId));
  const presenterName = useAppStore(
    (state) => state.workshop?.participants[presentation.presenterId]?.name ?? 'someone who left',
  );
  const selfId = useAppStore((state) => state.selfId);
  const chair = useAppStore(selectIsChair);
  const deckState = useDeck(workshopId, item);
  const deck = deckState.kind === 'ready' ? deckState.deck : null;
  const pageCount = deck?.pageCount ?? null;
  const presenting = presentation.presenterId === selfId;
  const [following, setFollowing] = useState<Following>(FOLLOWING);
  const page = presenting
    ? shownPage(FOLLOWING, presentation.page, pageCount)
    : shownPage(following, presentation.page, pageCount);
  const [box, size] = useBoxSize<HTMLDivElement>();
  const [canvas, painted] = usePaint(deck, page, size);

  const step = (delta: number) => {
    if (presenting) {
      const next = presenterStep(presentation.page, delta, pageCount);
      if (next !== null) void act({ type: 'presentation.turnPage', page: next });
    } else {
      setFollowing((state) => stepLocally(state, delta, presentation.page, pageCount));
    }
  };

  useArrowKeys(step);

  const browsing = !presenting && following.mode === 'browse';
  return (
    <section className="deck-stage" aria-label="Presentation">
      <header className="deck-bar">
        <p className="deck-title">
          <strong>{item?.name ?? 'Presentation'}</strong>{' '}
          <span className="muted">{presenting ? 'You are presenting' : `presented by ${presenterName}`}</span>
        </p>
        <p className="deck-page" role="status" aria-live="polite">
          {pageCount ? `Page ${page} of ${pageCount}` : 'Loading…'}
          {browsing && page !== presentation.page && (
            <span className="muted"> (presenter on page {presentation.page})</span>
          )}
        </p>
      </header>
      <div className="deck-view" ref={box}>
        {deckState.kind === 'failed' && <p className="deck-problem">{deckState.message}</p>}
        {deckState.kind === 'loading' && <p className="muted">Opening the deck…</p>}
        <canvas
          ref={canvas}
          className="deck-canvas"
          aria-label={`Slide ${page}`}
          data-painted-page={painted ?? undefined}
          hidden={!deck}
        />
      </div>
      <footer className="deck-controls">
        <div className="button-row">
          {(presenting || browsing) && (
            <>
              <button type="button" onClick={() => step(-1)} disabled={!deck || page <= 1}>
                Previous
              </button>
              <button
                type="button"
                onClick={() => step(1)}
                disabled={!deck || (pageCount !== null && page >= pageCount)}
              >
                Next
              </button>
            </>
          )}
          {!presenting && (
            <button
              type="button"
              onClick={() =>
                setFollowing((state) =>
                  state.mode === 'follow' ? browse(state, presentation.page, pageCount) : follow(),
                )
              }
            >
              {following.mode === 'follow' ? 'Browse freely' : 'Follow presenter'}
            </button>
          )}
        </div>
        {(chair || presenting) && <PresenterControls presentation={presentation} chair={chair} />}
      </footer>
    </section>
  );
}

/** Left and right arrows turn pages, unless typing or moving between tabs. */
function useArrowKeys(step: (delta: number) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="tablist"], [role="slider"]'))
        return;
      step(event.key === 'ArrowRight' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
}
