import type { BreakoutSet } from '@plenary/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleView } from './BoardDialog.tsx';

// dnd-kit and the CSV import load when a facilitator first opens them, not with the panel.
const BoardDialog = lazy(() => import('./BoardDialog.tsx').then((module) => ({ default: module.BoardDialog })));

/** On a set's card: open its groups on the assignment board, or import them from a CSV file. */
export function BoardLauncher({ set, live = false }: { set: BreakoutSet; live?: boolean }) {
  const { t } = useTranslation('board');
  const [view, setView] = useState<ConsoleView | null>(null);
  return (
    <div className="button-row board-launcher">
      <button
        type="button"
        className="small"
        data-testid="open-board"
        aria-label={t('launcher.boardLabel', { set: set.name })}
        onClick={() => setView('board')}
      >
        {t(live ? 'launcher.boardLive' : 'launcher.board')}
      </button>
      {!live && (
        <button
          type="button"
          className="small"
          data-testid="open-csv-import"
          aria-label={t('launcher.csvLabel', { set: set.name })}
          onClick={() => setView('csv')}
        >
          {t('launcher.csv')}
        </button>
      )}
      {view && (
        <Suspense fallback={null}>
          <BoardDialog setId={set.id} view={view} onView={setView} onClose={() => setView(null)} />
        </Suspense>
      )}
    </div>
  );
}
