import type { Presentation } from '@plenary/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair } from '../../stores/selectors.ts';
import { browse, FOLLOWING, type Following, follow, presenterStep, shownPage, stepLocally } from './following.ts';
import { PresenterControls } from './PresenterControls.tsx';
import { type DeckProblem, useBoxSize, useDeck, usePaint } from './useDeck.ts';

/** The presented PDF, large on the stage: the presenter turns pages, everyone else follows or browses. */
export function DeckStage({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation('presentation');
  const workshopId = useAppStore((state) => state.workshopId);
  const item = useAppStore((state) => state.workshop?.library.find((entry) => entry.id === presentation.libraryItemId));
  const presenterName =
    useAppStore((state) => state.workshop?.participants[presentation.presenterId]?.name) ?? t('someoneWhoLeft');
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
    <section className="deck-stage" aria-label={t('label')}>
      <header className="deck-bar">
        <p className="deck-title">
          <strong>{item?.name ?? t('label')}</strong>{' '}
          <span className="muted">
            {presenting ? t('youArePresenting') : t('presentedBy', { name: presenterName })}
          </span>
        </p>
        <p className="deck-page" role="status" aria-live="polite">
          {pageCount ? t('page', { page, count: pageCount }) : t('loading')}
          {browsing && page !== presentation.page && (
            <span className="muted"> {t('presenterOnPage', { page: presentation.page })}</span>
          )}
        </p>
      </header>
      <div className="deck-view" ref={box}>
        {deckState.kind === 'failed' && (
          <p className="deck-problem">
            <DeckProblemText problem={deckState.problem} name={item?.name ?? ''} />
          </p>
        )}
        {deckState.kind === 'loading' && <p className="muted">{t('opening')}</p>}
        <canvas
          ref={canvas}
          className="deck-canvas"
          aria-label={t('slide', { page })}
          data-painted-page={painted ?? undefined}
          hidden={!deck}
        />
      </div>
      <footer className="deck-controls">
        <div className="button-row">
          {(presenting || browsing) && (
            <>
              <button type="button" onClick={() => step(-1)} disabled={!deck || page <= 1}>
                {t('previous')}
              </button>
              <button
                type="button"
                onClick={() => step(1)}
                disabled={!deck || (pageCount !== null && page >= pageCount)}
              >
                {t('next')}
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
              {following.mode === 'follow' ? t('browse') : t('follow')}
            </button>
          )}
        </div>
        {(chair || presenting) && <PresenterControls presentation={presentation} chair={chair} />}
      </footer>
    </section>
  );
}

function DeckProblemText({ problem, name }: { problem: DeckProblem; name: string }) {
  const { t } = useTranslation('presentation');
  switch (problem.kind) {
    case 'gone':
      return t('problem.gone');
    case 'noToken':
      return t('problem.noToken');
    case 'unreadable':
      return t('problem.unreadable', { name });
    case 'notFetched':
      return (
        <>
          {t('problem.notFetched', { name })} <FailureText failure={problem.error} />
        </>
      );
  }
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
