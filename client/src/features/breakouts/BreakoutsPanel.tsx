import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { findBreakoutRoom, selectIsChair } from '../../stores/selectors.ts';
import { ChairBreakouts } from '../console/chairOnly.tsx';
import { breakoutClock } from './breakoutClock.ts';
import { broadcastsIn } from './breakoutRooms.ts';

export function BreakoutsPanel({ canAskForHelp }: { canAskForHelp: boolean }) {
  const chair = useAppStore(selectIsChair);
  return chair ? <ChairBreakouts /> : <MyBreakout canAskForHelp={canAskForHelp} />;
}

/** Everyone else: their own room while breakouts run. */
function MyBreakout({ canAskForHelp }: { canAskForHelp: boolean }) {
  const { t } = useTranslation(['breakouts', 'common']);
  const workshop = useAppStore((state) => state.workshop);
  const location = useAppStore((state) => state.whereabouts?.location);
  const now = useNow(1000, Boolean(workshop?.breakouts.open));
  const open = workshop?.breakouts.open;
  if (!workshop || !open) return <p className="muted">{t('mine.noneOpen')}</p>;
  if (location?.kind !== 'breakout') {
    return <p className="muted">{t('mine.notInGroup')}</p>;
  }
  const found = findBreakoutRoom(workshop, location.roomId);
  const clock = breakoutClock(open, now);
  const members = Object.values(workshop.participants).filter(
    (person) => found?.set.assignments[person.id] === location.roomId,
  );
  const rapporteurId = found?.room.rapporteurId;
  const broadcasts = broadcastsIn(workshop.chat, location.roomId);
  return (
    <div className="my-breakout">
      <section className="panel-section" aria-label={t('mine.label')}>
        <h2>{found?.room.name ?? t('mine.yourRoom')}</h2>
        <p className="countdown mono" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
          {clock.phase === 'recalling'
            ? t('mine.recalling', { time: formatDuration(clock.remainingMs) })
            : t('mine.left', { time: formatDuration(clock.remainingMs) })}
        </p>
        <ul className="plain-list" aria-label={t('mine.members')}>
          {members.map((person) => (
            <li key={person.id} className={person.connected ? undefined : 'muted'}>
              {person.name} <span className="muted">· {person.organisation}</span>
              {person.id === rapporteurId && <span className="badge">{t('common:role.rapporteur')}</span>}
              {!person.connected && <span className="muted"> {t('mine.away')}</span>}
            </li>
          ))}
        </ul>
      </section>
      {broadcasts.length > 0 && (
        <section className="panel-section" aria-label={t('mine.broadcastsLabel')}>
          <h2>{t('mine.broadcasts')}</h2>
          <ul className="plain-list broadcasts">
            {broadcasts.map((message) => (
              <li key={message.id}>{message.text}</li>
            ))}
          </ul>
        </section>
      )}
      {canAskForHelp && <AskForHelp />}
    </div>
  );
}

function AskForHelp() {
  const { t } = useTranslation('breakouts');
  const mine = useAppStore((state) =>
    state.workshop?.breakouts.open?.help.find((r) => r.participantId === state.selfId),
  );
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act({ type: 'breakouts.requestHelp', message: message.trim() || null })) setMessage('');
  };
  if (mine) {
    return (
      <p role="status" className="help-status">
        {mine.acknowledgedBy ? t('help.onTheWay') : t('help.asked')}
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="wide">
        {t('help.need')}
        <input value={message} maxLength={280} onChange={(event) => setMessage(event.target.value)} />
      </label>
      <button type="submit">{t('help.ask')}</button>
    </form>
  );
}
