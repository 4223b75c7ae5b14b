import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@plenary/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EMPTY } from '../../lib/empty.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

/** Chairs: add days and items (dates and times in the workshop's own zone). */
export function AgendaEditor() {
  const { t } = useTranslation('agenda');
  const days = useAppStore(useShallow((state) => state.workshop?.days ?? EMPTY));
  const zone = useAppStore((state) => state.workshop?.timeZone ?? '');
  // Open at first on an empty agenda; after that, as the chair leaves it.
  const [open, setOpen] = useState(days.length === 0);
  return (
    <details className="editor" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('editor.summary')}</summary>
      <p className="muted small-print">{t('editor.zone', { zone })}</p>
      <AddDay />
      {days.length > 0 && <AddItem />}
    </details>
  );
}

function AddDay() {
  const { t } = useTranslation('agenda');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act({ type: 'agenda.addDay', date, title: title || t('editor.defaultDayTitle') })) {
      setDate('');
      setTitle('');
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('editor.addDay')}>
      <label>
        {t('editor.date')}
        <input type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <label>
        {t('editor.dayTitle')}
        <input value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <button type="submit" className="small">
        {t('editor.addDayButton')}
      </button>
    </form>
  );
}

function AddItem() {
  const { t } = useTranslation('agenda');
  const days = useAppStore(useShallow((state) => state.workshop?.days ?? EMPTY));
  const [dayId, setDayId] = useState(days[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('09:00');
  const [minutes, setMinutes] = useState('30');
  const [kind, setKind] = useState<AgendaItemKind>('plenary');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await act({
      type: 'agenda.addItem',
      dayId: dayId || days[0]?.id || '',
      title,
      start,
      durationMinutes: Number(minutes),
      kind,
    });
    // Cleared only if nobody typed a new title while the server was answering.
    if (ok) setTitle((current) => (current === title ? '' : current));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('editor.addItem')}>
      <label>
        {t('editor.day')}
        <select value={dayId} onChange={(event) => setDayId(event.target.value)}>
          {days.map((day) => (
            <option key={day.id} value={day.id}>
              {day.date} {day.title}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        {t('editor.itemTitle')}
        <input required value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        {t('editor.start')}
        <input type="time" required value={start} onChange={(event) => setStart(event.target.value)} />
      </label>
      <label>
        {t('editor.minutes')}
        <input
          type="number"
          min={1}
          max={1440}
          required
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </label>
      <label>
        {t('editor.kind')}
        <select value={kind} onChange={(event) => setKind(event.target.value as AgendaItemKind)}>
          {AGENDA_ITEM_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kind.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="small">
        {t('editor.addItemButton')}
      </button>
    </form>
  );
}
