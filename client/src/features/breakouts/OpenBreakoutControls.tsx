import type { HelpRequest, WorkshopView } from '@plenary/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListFormat, useLocale } from '../../i18n/useLocale.ts';
import { formatClock, formatDuration, minutesToMs } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';
import { BoardLauncher } from './board/BoardLauncher.tsx';
import { breakoutClock } from './breakoutClock.ts';
import { setRosters } from './breakoutRooms.ts';

/** Chairs, while a set is open: time, messages to every room, visits, help, and bringing everyone back. */
export function OpenBreakoutControls() {
  const { t } = useTranslation('breakouts');
  const locale = useLocale();
  const list = useListFormat();
  const workshop = useAppStore((state) => state.workshop);
  const visiting = useAppStore((state) => state.whereabouts?.visiting ?? null);
  const zone = useAppStore(selectViewerTimeZone);
  const now = useNow(1000);
  const open = workshop?.breakouts.open;
  const set = workshop?.breakouts.sets.find((candidate) => candidate.id === open?.setId);
  if (!workshop || !open || !set) return null;
  const clock = breakoutClock(open, now);
  const { rooms } = setRosters(set, workshop.participants);
  return (
    <div className="open-breakout">
      <section className="panel-section" aria-labelledby="open-set-title">
        <div className="section-head">
          <h2 id="open-set-title">{t('open.title', { name: set.name })}</h2>
          <p className="countdown mono" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
            {clock.phase === 'recalling'
              ? t('open.closingIn', { time: formatDuration(clock.remainingMs) })
              : t('open.left', { time: formatDuration(clock.remainingMs) })}
          </p>
        </div>
        <p className="muted small-print">
          {t(clock.phase === 'recalling' ? 'open.roomsCloseAt' : 'open.endsAt', {
            time: formatClock(open.recallAt ?? open.endsAt, zone, locale),
          })}
        </p>
        <div className="button-row">
          {clock.phase === 'running' && (
            <button type="button" onClick={() => void act({ type: 'breakouts.recall' })}>
              {t('open.recall')}
            </button>
          )}
          <button type="button" className="danger" onClick={() => void act({ type: 'breakouts.close' })}>
            {t('open.closeNow')}
          </button>
        </div>
        <Extend />
      </section>
      <Broadcast />
      <HelpRequests help={open.help} workshop={workshop} />
      <section className="panel-section" aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t('open.rooms')}</h2>
        <BoardLauncher set={set} live />
        <ul className="room-rosters">
          {rooms.map((room) => {
            const here = visiting === room.roomId;
            const present = room.members.filter((person) => person.connected);
            return (
              <li key={room.roomId} className="row" data-visiting={here ? '' : undefined}>
                <span className="grow">
                  <strong>{room.name}</strong> <span className="count">({present.length})</span>
                  <span className="muted">
                    {' '}
                    {present.length > 0 ? list(present.map((person) => person.name)) : t('open.empty')}
                  </span>
                </span>
                <button
                  type="button"
                  className="small"
                  aria-label={
                    here ? t('open.stopVisitingRoom', { room: room.name }) : t('open.visitRoom', { room: room.name })
                  }
                  onClick={() => void act({ type: 'breakouts.visit', roomId: here ? null : room.roomId })}
                >
                  {here ? t('open.stopVisiting') : t('open.visit')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function Extend() {
  const { t } = useTranslation('breakouts');
  const [minutes, setMinutes] = useState('5');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act({ type: 'breakouts.extend', byMs: minutesToMs(Number(minutes) || 1) });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t('open.extendBy')}
        <input type="number" min={1} max={240} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </label>
      <button type="submit">{t('open.extend')}</button>
    </form>
  );
}

function Broadcast() {
  const { t } = useTranslation('breakouts');
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = text;
    if (await act({ type: 'breakouts.broadcast', text: sent })) setText((current) => (current === sent ? '' : current));
  };
  return (
    <form className="panel-section inline-form" onSubmit={submit}>
      <label className="wide">
        {t('open.message')}
        <textarea rows={2} maxLength={1000} required value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit">{t('open.broadcast')}</button>
    </form>
  );
}

function HelpRequests({ help, workshop }: { help: HelpRequest[]; workshop: WorkshopView }) {
  const { t } = useTranslation('breakouts');
  if (help.length === 0) return null;
  const roomName = (roomId: string) =>
    workshop.breakouts.sets.flatMap((set) => set.rooms).find((room) => room.id === roomId)?.name ?? t('help.aRoom');
  return (
    <section className="panel-section help-requests" aria-labelledby="help-title">
      <h2 id="help-title">{t('help.requested', { count: help.length })}</h2>
      <ul className="plain-list">
        {help.map((request) => {
          const who = workshop.participants[request.participantId]?.name ?? t('help.someone');
          const room = roomName(request.roomId);
          return (
            <li key={request.id} className="row">
              <span className="grow">
                <strong>{who}</strong> {t('help.inRoom', { room })}
                {request.message && <span className="muted"> · “{request.message}”</span>}
                {request.acknowledgedBy && <span className="badge">{t('help.onIt')}</span>}
              </span>
              <span className="button-row">
                {!request.acknowledgedBy && (
                  <button
                    type="button"
                    className="small"
                    aria-label={t('help.acknowledgeRequest', { name: who })}
                    onClick={() => void act({ type: 'breakouts.acknowledgeHelp', requestId: request.id })}
                  >
                    {t('help.acknowledge')}
                  </button>
                )}
                <button
                  type="button"
                  className="small"
                  aria-label={t('open.visitRoom', { room })}
                  onClick={() => void act({ type: 'breakouts.visit', roomId: request.roomId })}
                >
                  {t('open.visit')}
                </button>
                <button
                  type="button"
                  className="small quiet"
                  aria-label={t('help.resolveRequest', { name: who })}
                  onClick={() => void act({ type: 'breakouts.resolveHelp', requestId: request.id })}
                >
                  {t('help.resolve')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
