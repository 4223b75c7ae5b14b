import type { AttendanceDay, AttendanceResponse } from '@plenary/shared';
import { Fragment, type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import type { DownloadResult } from '../report/download.ts';
import { type AttendanceResult, loadAttendance } from './attendanceHttp.ts';
import { clockTime, dayName, dayToShow, hoursAndMinutes, organisationSpan, presence } from './attendanceTable.ts';
import '../stats/stats.css';

type Loaded = { summary: AttendanceResponse | null; failure: Extract<AttendanceResult, { ok: false }> | null };

export interface AttendanceSectionProps {
  workshopId: string;
  /** the participant token, read when needed (null: this page has none) */
  token: () => string | null;
  /** the viewer's zone, in which times are shown */
  timeZone: string;
  /** the full log as the CSV sheet, saved by the browser */
  downloadCsv: (token: string) => Promise<DownloadResult>;
}

/**
 * Chairs: who attended, per day and organisation, fetched when shown and on Refresh (the log is
 * not part of the live view); the full log as the CSV sheet.
 */
export function AttendanceSection({
  workshopId,
  token: tokenOf,
  timeZone,
  downloadCsv: download,
}: AttendanceSectionProps) {
  const { t } = useTranslation('attendance');
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ summary: null, failure: null });
  const [loading, setLoading] = useState(true);
  const [picked, setPicked] = useState<string | null>(null);
  const [people, setPeople] = useState(false);
  const [downloadStatus, setDownloadStatus] = useState<ReactNode>(null);

  const refresh = useCallback(async () => {
    const token = tokenOf();
    if (!token) {
      setLoaded((current) => ({ ...current, failure: { ok: false, kind: 'refused', detail: t('noToken') } }));
      setLoading(false);
      return;
    }
    setLoading(true);
    const result = await loadAttendance(workshopId, token);
    // A failed refresh keeps what was shown, and says why it is not newer.
    setLoaded((current) =>
      result.ok ? { summary: result.data, failure: null } : { summary: current.summary, failure: result },
    );
    setLoading(false);
  }, [workshopId, tokenOf, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const downloadCsv = async () => {
    const token = tokenOf();
    if (!token) return setDownloadStatus(t('noToken'));
    setDownloadStatus(t('downloading'));
    const result = await download(token);
    setDownloadStatus(result.ok ? t('downloaded', { file: result.fileName }) : <FailureText failure={result.error} />);
  };

  const { summary, failure } = loaded;
  const day = dayToShow(summary, picked);
  return (
    <section className="panel-section attendance" aria-labelledby={headingId} aria-busy={loading}>
      <div className="section-head">
        <h2 id={headingId}>{t('title')}</h2>
        <div className="button-row">
          <button type="button" className="small" disabled={loading} onClick={() => void refresh()}>
            {t('refresh')}
          </button>
          <button type="button" className="small" onClick={() => void downloadCsv()}>
            {t('downloadCsv')}
          </button>
        </div>
      </div>
      <Status loading={loading} summary={summary} failure={failure} timeZone={timeZone} />
      {downloadStatus && (
        <p role="status" className="muted small-print">
          {downloadStatus}
        </p>
      )}
      {summary && summary.days.length > 1 && (
        <DayPicker days={summary.days} value={day?.date ?? ''} onChange={setPicked} />
      )}
      {day ? (
        <>
          <AttendanceTable day={day} people={people} timeZone={timeZone} />
          <label className="check">
            <input type="checkbox" checked={people} onChange={(event) => setPeople(event.target.checked)} />
            {t('showPeople')}
          </label>
        </>
      ) : (
        summary && <p className="muted">{t('nobodyYet')}</p>
      )}
    </section>
  );
}

function Status({
  loading,
  summary,
  failure,
  timeZone: zone,
}: { loading: boolean; summary: AttendanceResponse | null; timeZone: string } & Pick<Loaded, 'failure'>) {
  const { t, i18n } = useTranslation('attendance');
  if (failure) {
    return (
      <p role="alert" className="form-problem">
        {t(`failed.${failure.kind}`, { detail: failure.detail })}
      </p>
    );
  }
  return (
    <p role="status" className="muted small-print">
      {loading && !summary
        ? t('loading')
        : summary && t('asOf', { time: clockTime(summary.asOf, zone, i18n.language), zone })}
    </p>
  );
}

function DayPicker({
  days,
  value,
  onChange,
}: {
  days: readonly AttendanceDay[];
  value: string;
  onChange: (date: string) => void;
}) {
  const { t, i18n } = useTranslation('attendance');
  const id = useId();
  return (
    <div className="field attendance-day">
      <label htmlFor={id}>{t('day')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {days.map((day) => (
          <option key={day.date} value={day.date}>
            {dayName(day.date, i18n.language)} · {presence(day.present, day.registered).text}
          </option>
        ))}
      </select>
    </div>
  );
}

function AttendanceTable({ day, people, timeZone: zone }: { day: AttendanceDay; people: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation('attendance');
  const clock = (epoch: number) => clockTime(epoch, zone, i18n.language);
  const span = (firstIn: number | null, lastOut: number | null) =>
    firstIn === null ? '' : `${clock(firstIn)}–\u200b${lastOut === null ? t('now') : clock(lastOut)}`;
  return (
    <div className="attendance-scroll">
      <table className="attendance-table">
        <caption className="visually-hidden">{t('caption', { day: dayName(day.date, i18n.language) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('present')}</th>
            <th scope="col">{t('inOut')}</th>
            <th scope="col">{t('time')}</th>
          </tr>
        </thead>
        <tbody>
          {day.organisations.map((row) => (
            <Fragment key={row.organisation}>
              <tr className={row.present === 0 ? 'organisation-row none' : 'organisation-row'}>
                <th scope="row">{row.organisation || t('noOrganisation')}</th>
                <td className="mono">{presence(row.present, row.registered).text}</td>
                <td className="mono">{span(...organisationSpan(row))}</td>
                <td className="mono attendance-time">{hoursAndMinutes(row.minutes)}</td>
              </tr>
              {people &&
                row.attendees.map((person) => (
                  <tr key={person.participantId} className="person-row">
                    <td>{person.name}</td>
                    <td />
                    <td className="mono">{span(person.firstIn, person.lastOut)}</td>
                    <td className="mono attendance-time">{hoursAndMinutes(person.minutes)}</td>
                  </tr>
                ))}
              {people && row.absent.length > 0 && (
                <tr className="person-row absent">
                  <td colSpan={4}>{t('absent', { names: row.absent.map((person) => person.name).join(', ') })}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="mono">{presence(day.present, day.registered).text}</td>
            <td />
            <td className="mono attendance-time">{hoursAndMinutes(day.minutes)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
