import type { ExportFile, WorkshopId } from '@plenary/shared';
import { useState } from 'react';
import { credentials } from '../../session/actions.ts';
import { downloadExport } from '../report/download.ts';
import { loadSeries } from './seriesHttp.ts';
import { type SeriesTable, seriesTable } from './seriesTable.ts';

const REPORTS: Array<{ file: ExportFile; label: string }> = [
  { file: 'report.docx', label: 'Word' },
  { file: 'report.md', label: 'Markdown' },
  { file: 'attendance.csv', label: 'Attendance' },
];

type View =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'shown'; table: SeriesTable }
  | { kind: 'failed'; text: string };

/** "All editions": the series side by side, with report downloads where this browser may fetch them. */
export function SeriesOverview({
  workshopId,
  seriesId,
  refreshKey,
}: {
  workshopId: WorkshopId;
  seriesId: string;
  refreshKey: string;
}) {
  const [view, setView] = useState<View>({ kind: 'closed' });
  const [note, setNote] = useState('');
  const [shownFor, setShownFor] = useState(refreshKey);
  const show = async () => {
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setView({ kind: 'failed', text: 'This page has no participant token; reload it and try again.' });
      return;
    }
    setView({ kind: 'loading' });
    setShownFor(refreshKey);
    const reply = await loadSeries(seriesId, token);
    setView(
      reply.ok
        ? {
            kind: 'shown',
            table: seriesTable(reply.data, workshopId, (id) => credentials.participantToken(id) !== null),
          }
        : { kind: 'failed', text: `The editions could not be loaded: ${reply.message}.` },
    );
  };
  const download = async (editionId: WorkshopId, file: ExportFile) => {
    const token = credentials.participantToken(editionId);
    if (!token) return;
    const result = await downloadExport({ workshopId: editionId, file, token });
    setNote(result.ok ? `Downloaded ${result.fileName}.` : result.message);
  };
  const stale = view.kind === 'shown' && shownFor !== refreshKey;
  return (
    <section className="series-overview" aria-labelledby="series-title">
      <h3 id="series-title">All editions</h3>
      <button type="button" className="small" disabled={view.kind === 'loading'} onClick={() => void show()}>
        {view.kind === 'shown' ? (stale ? 'Refresh (a new edition was added)' : 'Refresh') : 'Show all editions'}
      </button>
      {view.kind === 'loading' && <p role="status">Loading the editions…</p>}
      {view.kind === 'failed' && <p role="alert">{view.text}</p>}
      {view.kind === 'shown' && (
        <div className="series-scroll">
          <table className="series-table">
            <thead>
              <tr>
                <th scope="col">Edition</th>
                <th scope="col">Title</th>
                <th scope="col">Dates</th>
                <th scope="col">Participants</th>
                <th scope="col">Organisations</th>
                {view.table.dayColumns.map((day) => (
                  <th key={day} scope="col">
                    {day} <span className="muted">present/registered</span>
                  </th>
                ))}
                <th scope="col">Reports</th>
              </tr>
            </thead>
            <tbody>
              {view.table.rows.map((row) => (
                <tr key={row.workshopId} aria-current={row.current ? 'true' : undefined}>
                  <th scope="row">{row.edition}</th>
                  <td>{row.title}</td>
                  <td>{row.dates}</td>
                  <td>{row.participants}</td>
                  <td>{row.organisations}</td>
                  {row.attendance.map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the day columns are positional
                    <td key={index}>{cell}</td>
                  ))}
                  <td>
                    {row.canDownload ? (
                      <span className="button-row">
                        {REPORTS.map(({ file, label }) => (
                          <button
                            key={file}
                            type="button"
                            className="small"
                            aria-label={`${label} report of edition ${row.edition}`}
                            onClick={() => void download(row.workshopId, file)}
                          >
                            {label}
                          </button>
                        ))}
                      </span>
                    ) : (
                      <span className="muted small-print">open that edition to download</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {note && <p role="status">{note}</p>}
    </section>
  );
}
