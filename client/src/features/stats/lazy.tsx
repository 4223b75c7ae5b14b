// Facilitators' views, each its own chunk: a delegate's page never loads their code. The store,
// the token and the download live here, in the entry chunk, and reach the views as props: a lazy
// chunk importing them makes Rolldown split shared modules out of the entry, which costs every
// page initial JavaScript.
import { lazy, useCallback } from 'react';
import { Optional } from '../../components/Optional.tsx';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';
import { downloadExport } from '../report/download.ts';

const LazySpeakingTime = lazy(() =>
  import('./SpeakingTimeSection.tsx').then((module) => ({ default: module.SpeakingTimeSection })),
);
const LazyAttendance = lazy(() =>
  import('../attendance/AttendanceSection.tsx').then((module) => ({ default: module.AttendanceSection })),
);

/** Chairs: the live speaking-time chart per organisation. */
export function SpeakingTimeChartPanel() {
  return (
    <Optional>
      <LazySpeakingTime />
    </Optional>
  );
}

/** Chairs: attendance by day and organisation, with the CSV sheet. */
export function AttendancePanel() {
  const workshopId = useAppStore((state) => state.workshopId);
  const timeZone = useAppStore(selectViewerTimeZone);
  const token = useCallback(() => (workshopId ? credentials.participantToken(workshopId) : null), [workshopId]);
  const downloadCsv = useCallback(
    (participantToken: string) =>
      downloadExport({ workshopId: workshopId ?? '', file: 'attendance.csv', token: participantToken }),
    [workshopId],
  );
  if (!workshopId) return null;
  return (
    <Optional>
      <LazyAttendance workshopId={workshopId} token={token} timeZone={timeZone} downloadCsv={downloadCsv} />
    </Optional>
  );
}
