import type { BreakoutSet } from '@plenary/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListFormat } from '../../i18n/useLocale.ts';
import { EMPTY_RECORD } from '../../lib/empty.ts';
import { minutesToMs } from '../../lib/time.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { BoardLauncher } from './board/BoardLauncher.tsx';
import { defaultRoomNames, randomSeed } from './breakoutClock.ts';
import { setRosters } from './breakoutRooms.ts';
import { OpenBreakoutControls } from './OpenBreakoutControls.tsx';

/** Chairs: prepare sets of rooms, fill them, open one; then run it (see OpenBreakoutControls). */
export function ChairBreakouts() {
  const breakouts = useAppStore((state) => state.workshop?.breakouts);
  if (!breakouts) return null;
  const openSetId = breakouts.open?.setId ?? null;
  return (
    <div className="chair-breakouts">
      {breakouts.open && <OpenBreakoutControls />}
      {breakouts.sets
        .filter((set) => set.id !== openSetId)
        .map((set) => (
          <SetCard key={set.id} set={set} canOpen={openSetId === null} />
        ))}
      <CreateSet />
    </div>
  );
}

function CreateSet() {
  const { t } = useTranslation('breakouts');
  const count = useAppStore((state) => state.workshop?.breakouts.sets.length ?? 0);
  const [name, setName] = useState('');
  const [rooms, setRooms] = useState('4');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const roomCount = Math.max(1, Math.min(50, Number(rooms) || 1));
    const ok = await act({
      type: 'breakouts.createSet',
      name: name.trim() || t('sets.defaultName', { number: count + 1 }),
      roomNames: defaultRoomNames(roomCount, (number) => t('sets.roomName', { number })),
    });
    if (ok) setName('');
  };
  return (
    <form className="panel-section inline-form" onSubmit={submit} aria-labelledby="create-set-title">
      <h2 id="create-set-title" className="wide">
        {t('sets.new')}
      </h2>
      <label className="wide">
        {t('sets.name')}
        <input
          value={name}
          maxLength={120}
          placeholder={t('sets.defaultName', { number: count + 1 })}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label>
        {t('sets.roomCount')}
        <input type="number" min={1} max={50} value={rooms} onChange={(event) => setRooms(event.target.value)} />
      </label>
      <button type="submit">{t('sets.create')}</button>
    </form>
  );
}

function SetCard({ set, canOpen }: { set: BreakoutSet; canOpen: boolean }) {
  const { t } = useTranslation('breakouts');
  const list = useListFormat();
  const participants = useAppStore((state) => state.workshop?.participants ?? EMPTY_RECORD);
  const [minutes, setMinutes] = useState('20');
  const { rooms, unassigned } = setRosters(set, participants);
  const assign = (strategy: 'random' | 'balanced') =>
    void act({ type: 'breakouts.autoAssign', setId: set.id, strategy, seed: randomSeed() });
  const open = (event: FormEvent) => {
    event.preventDefault();
    void act({ type: 'breakouts.open', setId: set.id, durationMs: minutesToMs(Number(minutes) || 1) });
  };
  return (
    <section className="panel-section set-card" aria-label={t('sets.label', { name: set.name })}>
      <div className="section-head">
        <h2>{set.name}</h2>
        <button
          type="button"
          className="small quiet"
          aria-label={t('sets.deleteSet', { name: set.name })}
          onClick={() => void act({ type: 'breakouts.deleteSet', setId: set.id })}
        >
          {t('sets.delete')}
        </button>
      </div>
      <fieldset className="button-row">
        <legend className="muted">{t('sets.assign')}</legend>
        <button type="button" className="small" onClick={() => assign('random')}>
          {t('sets.random')}
        </button>
        <button type="button" className="small" onClick={() => assign('balanced')}>
          {t('sets.balanced')}
        </button>
      </fieldset>
      <BoardLauncher set={set} />
      <ul className="room-rosters">
        {rooms.map((room) => (
          <li key={room.roomId}>
            <strong>{room.name}</strong> <span className="count">({room.members.length})</span>
            <span className="muted">
              {' '}
              {room.members.length > 0 ? list(room.members.map((person) => person.name)) : t('sets.nobodyYet')}
            </span>
          </li>
        ))}
      </ul>
      {unassigned.length > 0 && (
        <p className="muted small-print">
          {t('sets.unassigned', { names: list(unassigned.map((person) => person.name)) })}
        </p>
      )}
      {canOpen && (
        <form className="inline-form" onSubmit={open}>
          <label>
            {t('sets.duration')}
            <input
              type="number"
              min={1}
              max={1440}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            {t('sets.open')}
          </button>
        </form>
      )}
    </section>
  );
}
