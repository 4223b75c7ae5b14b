import type { ExportFile } from '@plenary/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import type { Failure } from '../../i18n/message.ts';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { downloadExport } from './download.ts';

/** The exports, by the short name their words go under (`report:export.<kind>`). */
const EXPORTS: Array<{ file: ExportFile; kind: 'docx' | 'md' | 'csv' }> = [
  { file: 'report.docx', kind: 'docx' },
  { file: 'report.md', kind: 'md' },
  { file: 'attendance.csv', kind: 'csv' },
];

type Progress =
  | { kind: 'idle' }
  | { kind: 'running'; what: 'docx' | 'md' | 'csv' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; error: Failure };

/** Chairs: the workshop's report (agenda, groups with their notes and outcomes, proposals, speaking time) and attendance. */
export function ReportPanel() {
  const { t } = useTranslation('report');
  const workshopId = useAppStore((state) => state.workshopId);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  if (!workshopId) return null;
  const download = async (file: ExportFile, what: 'docx' | 'md' | 'csv') => {
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setProgress({ kind: 'failed', error: { code: 'no_token', message: '' } });
      return;
    }
    setProgress({ kind: 'running', what });
    const result = await downloadExport({ workshopId, file, token });
    setProgress(result.ok ? { kind: 'done', fileName: result.fileName } : { kind: 'failed', error: result.error });
  };
  const running = progress.kind === 'running';
  return (
    <section className="panel-section report-panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('title')}</h2>
      <p className="muted small-print">{t('explain')}</p>
      <div className="button-row">
        {EXPORTS.map(({ file, kind }) => (
          <button
            key={file}
            type="button"
            className={file === 'report.docx' ? 'primary' : undefined}
            disabled={running}
            onClick={() => void download(file, kind)}
          >
            {t(`export.${kind}`)}
          </button>
        ))}
      </div>
      <p role="status" className="report-progress" data-kind={progress.kind}>
        {progress.kind === 'running' && t(`preparing.${progress.what}`)}
        {progress.kind === 'done' && t('downloaded', { file: progress.fileName })}
        {progress.kind === 'failed' && (
          <>
            {t('failed')} <FailureText failure={progress.error} />
          </>
        )}
      </p>
    </section>
  );
}
