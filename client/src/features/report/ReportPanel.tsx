import type { ExportFile } from '@plenary/shared';
import { useState } from 'react';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { downloadExport } from './download.ts';

const EXPORTS: Array<{ file: ExportFile; label: string; what: string }> = [
  { file: 'report.docx', label: 'Report (Word)', what: 'the Word report' },
  { file: 'report.md', label: 'Report (Markdown)', what: 'the Markdown report' },
  { file: 'attendance.csv', label: 'Attendance (CSV)', what: 'the attendance sheet' },
];

type Progress =
  | { kind: 'idle' }
  | { kind: 'running'; what: string }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

/** Chairs: the workshop's report (agenda, groups with their notes and outcomes, proposals, speaking time) and attendance. */
export function ReportPanel() {
  const workshopId = useAppStore((state) => state.workshopId);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  if (!workshopId) return null;
  const download = async (file: ExportFile, what: string) => {
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setProgress({ kind: 'failed', text: 'This page has no participant token; reload it and try again.' });
      return;
    }
    setProgress({ kind: 'running', what });
    const result = await downloadExport({ workshopId, file, token });
    setProgress(
      result.ok ? { kind: 'done', text: `Downloaded ${result.fileName}.` } : { kind: 'failed', text: result.message },
    );
  };
  const running = progress.kind === 'running';
  return (
    <section className="panel-section report-panel" aria-labelledby="report-title">
      <h2 id="report-title">Report</h2>
      <p className="muted small-print">
        The report holds the agenda, each group with its members, notes and outcomes (the accepted version, else the
        latest submitted), the proposals and their results, speaking time, and the attendance list. It is made from what
        is saved now; download it again later for an update.
      </p>
      <div className="button-row">
        {EXPORTS.map(({ file, label, what }) => (
          <button
            key={file}
            type="button"
            className={file === 'report.docx' ? 'primary' : undefined}
            disabled={running}
            onClick={() => void download(file, what)}
          >
            {label}
          </button>
        ))}
      </div>
      <p role="status" className="report-progress" data-kind={progress.kind}>
        {progress.kind === 'running' && `Preparing ${progress.what}…`}
        {(progress.kind === 'done' || progress.kind === 'failed') && progress.text}
      </p>
    </section>
  );
}
