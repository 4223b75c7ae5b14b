import { type BreakoutSet, type CsvPreview, MAX_CSV_LENGTH, type Participant } from '@plenary/shared';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../net/request.ts';
import { CsvPreviewView } from './CsvPreviewView.tsx';
import { canImport } from './csvModel.ts';

/** Waiting this long after the last keystroke before asking the server keeps pasting cheap. */
export const PREVIEW_DELAY_MS = 300;

interface CsvImportProps {
  set: BreakoutSet;
  participants: Readonly<Record<string, Participant>>;
  /** `breakouts:previewCsv`: what the import would do, changing nothing */
  preview: (csv: string) => Promise<Reply<CsvPreview>>;
  importCsv: (csv: string) => Promise<Reply<unknown>>;
  onTemplate: () => void;
  onDone: () => void;
}

type Check =
  | { state: 'none' }
  | { state: 'checking'; csv: string }
  | { state: 'checked'; csv: string; preview: CsvPreview }
  | { state: 'failed'; csv: string; reason: string };

/**
 * A file (picked or pasted) is checked by the server as it stands: the groups it would make and
 * every row's problem. Import stays off until the check of exactly this text found none: the server
 * applies a file whole or not at all.
 */
export function CsvImport({ set, participants, preview, importCsv, onTemplate, onDone }: CsvImportProps) {
  const { t } = useTranslation('csvImport');
  const ids = useId();
  const [csv, setCsv] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'none' });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The text is checked when it changes, not whenever the caller hands a new function.
  const ask = useRef(preview);
  ask.current = preview;

  useEffect(() => {
    if (csv.trim() === '') {
      setCheck({ state: 'none' });
      return;
    }
    let current = true;
    setCheck({ state: 'checking', csv });
    const timer = setTimeout(async () => {
      const reply = await ask.current(csv);
      if (!current) return;
      setCheck(
        reply.ok
          ? { state: 'checked', csv, preview: reply.data }
          : { state: 'failed', csv, reason: reply.error.message },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [csv]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setRefusal(null);
    if (file.size > MAX_CSV_LENGTH * 4) {
      setFileProblem(t('tooLarge', { max: Math.round(MAX_CSV_LENGTH / 1000) }));
      return;
    }
    try {
      const text = await file.text();
      if (text.length > MAX_CSV_LENGTH) {
        setFileProblem(t('tooLarge', { max: Math.round(MAX_CSV_LENGTH / 1000) }));
        return;
      }
      setFileProblem(null);
      setCsv(text);
    } catch {
      setFileProblem(t('readFailed'));
    }
  };

  const checked = check.state === 'checked' && check.csv === csv ? check.preview : null;
  const ready = canImport(checked) && !importing;
  const submit = async () => {
    if (!ready) return;
    setImporting(true);
    setRefusal(null);
    const reply = await importCsv(csv);
    setImporting(false);
    if (reply.ok) onDone();
    else setRefusal(reply.error.message);
  };

  return (
    <section className="csv-import" aria-labelledby={`${ids}-title`} data-testid="csv-import">
      <h3 id={`${ids}-title`}>{t('title', { set: set.name })}</h3>
      <p className="muted small-print">{t('explain')}</p>
      <div className="csv-inputs">
        <label>
          {t('file')}
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void choose(event)} />
        </label>
        <button type="button" className="small quiet" onClick={onTemplate}>
          {t('template')}
        </button>
      </div>
      {fileProblem && <p role="alert">{fileProblem}</p>}
      <label className="csv-paste">
        {t('paste')}
        <textarea
          rows={5}
          maxLength={MAX_CSV_LENGTH}
          spellCheck={false}
          value={csv}
          placeholder={t('pastePlaceholder')}
          onChange={(event) => {
            setRefusal(null);
            setCsv(event.target.value);
          }}
        />
      </label>
      <div role="status" className="csv-status">
        {check.state === 'checking' && <p className="muted">{t('checking')}</p>}
        {check.state === 'failed' && <p>{t('checkFailed', { reason: check.reason })}</p>}
      </div>
      {checked && <CsvPreviewView set={set} preview={checked} participants={participants} />}
      {refusal && <p role="alert">{t('refused', { reason: refusal })}</p>}
      <div className="button-row csv-actions">
        <button
          type="button"
          className="primary"
          data-testid="csv-import-submit"
          disabled={!ready}
          aria-describedby={`${ids}-why`}
          onClick={() => void submit()}
        >
          {importing ? t('importing') : t('import')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <p id={`${ids}-why`} className="muted small-print">
          {ready ? t('replaces') : checked && checked.errors.length > 0 ? t('fixFirst') : t('chooseFirst')}
        </p>
      </div>
    </section>
  );
}
