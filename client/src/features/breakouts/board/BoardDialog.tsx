import type { BreakoutSet, OpenBreakout } from '@plenary/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_RECORD } from '../../../lib/empty.ts';
import { formatDuration } from '../../../lib/time.ts';
import { useNow } from '../../../lib/useNow.ts';
import { act, previewCsv, send } from '../../../session/actions.ts';
import { useAppStore } from '../../../stores/appStore.ts';
import { saveBlob } from '../../report/download.ts';
import { breakoutClock, randomSeed } from '../breakoutClock.ts';
import { CsvImport } from '../csvImport/CsvImport.tsx';
import { csvBlob, templateCsv, templateFileName } from '../csvImport/csvModel.ts';
import { BreakoutBoard } from './BreakoutBoard.tsx';
import './board.css';

export type ConsoleView = 'board' | 'csv';

interface DialogProps {
  setId: string;
  view: ConsoleView;
  onView: (view: ConsoleView) => void;
  onClose: () => void;
}

/**
 * A modal over the whole window (a set of 70 people in 10 rooms needs the room): the set's groups
 * on the board, or the CSV import. Escape or Close returns to the panel.
 */
export function BoardDialog({ setId, view, onView, onClose }: DialogProps) {
  const { t } = useTranslation('board');
  const set = useAppStore((state) => state.workshop?.breakouts.sets.find((candidate) => candidate.id === setId));
  const open = useAppStore((state) => state.workshop?.breakouts.open ?? null);
  const participants = useAppStore((state) => state.workshop?.participants ?? EMPTY_RECORD);
  const dialog = useRef<HTMLDialogElement>(null);

  // Shown modal (focus kept inside, the rest inert); unmounting takes it out of the top layer.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const live = set !== undefined && open?.setId === set.id;
  return (
    <dialog
      ref={dialog}
      className="board-dialog"
      aria-labelledby="board-dialog-title"
      data-testid="board-dialog"
      onClose={onClose}
    >
      <header className="board-dialog-head">
        <h2 id="board-dialog-title">{t('dialog.title', { set: set?.name ?? '' })}</h2>
        {set && live && open ? <LiveClock open={open} /> : set && <p className="muted">{t('dialog.editing')}</p>}
        <button type="button" className="small" data-testid="close-board" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </header>
      {!set ? (
        <p role="alert">{t('dialog.gone')}</p>
      ) : view === 'csv' ? (
        <CsvImport
          set={set}
          participants={participants}
          preview={(csv) => previewCsv(set.id, csv)}
          importCsv={(csv) => send({ type: 'breakouts.importCsv', setId: set.id, csv })}
          onTemplate={() => saveBlob(csvBlob(templateCsv(set, participants)), templateFileName(set))}
          onDone={() => onView('board')}
        />
      ) : (
        <>
          {!live && <Toolbar set={set} onCsv={() => onView('csv')} />}
          <BreakoutBoard set={set} participants={participants} openSetId={open?.setId ?? null} send={send} />
        </>
      )}
    </dialog>
  );
}

/** Before opening: fill the groups by a strategy, or from a file. */
function Toolbar({ set, onCsv }: { set: BreakoutSet; onCsv: () => void }) {
  const { t } = useTranslation('board');
  const assign = (strategy: 'random' | 'balanced') =>
    void act({ type: 'breakouts.autoAssign', setId: set.id, strategy, seed: randomSeed() });
  return (
    <div className="board-toolbar">
      <fieldset className="button-row">
        <legend className="muted">{t('dialog.fill')}</legend>
        <button type="button" className="small" data-testid="assign-random" onClick={() => assign('random')}>
          {t('dialog.random')}
        </button>
        <button type="button" className="small" data-testid="assign-balanced" onClick={() => assign('balanced')}>
          {t('dialog.balanced')}
        </button>
        <button type="button" className="small" data-testid="board-import-csv" onClick={onCsv}>
          {t('dialog.importCsv')}
        </button>
      </fieldset>
      <p className="muted small-print">{t('dialog.strategyHint')}</p>
    </div>
  );
}

/** While the set is open: the time left, or the countdown back to the plenary. */
function LiveClock({ open }: { open: OpenBreakout }) {
  const { t } = useTranslation('board');
  const clock = breakoutClock(open, useNow(1000));
  const time = formatDuration(clock.remainingMs);
  return (
    <p className="muted">
      {t('dialog.live')}{' '}
      <span className="countdown mono" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
        {clock.phase === 'recalling' ? t('dialog.recalling', { time }) : t('dialog.timeLeft', { time })}
      </span>
    </p>
  );
}
