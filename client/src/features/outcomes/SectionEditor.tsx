import type { OutcomeSection, RoomId } from '@plenary/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { cleanItems } from './outcomes.ts';

interface Props {
  roomId: RoomId;
  section: OutcomeSection;
  items: readonly string[];
}

/**
 * One list of a group's outcomes, edited in place: items change locally while typed and are saved
 * when the field is left; adding and removing save at once. Nothing typed is dropped: the local list
 * stays on screen until the server's copy has caught up, so a second quick addition builds on the
 * first, and text left in the "add" field is added when the field is left.
 */
export function SectionEditor({ roomId, section, items }: Props) {
  const { t } = useTranslation('outcomes');
  const [local, setLocal] = useState<string[] | null>(null);
  const [adding, setAdding] = useState('');
  const saving = useRef(0);
  const typing = useRef(false);
  const headingId = useId();
  const shown = local ?? items;

  // The server's copy changed (ours arriving, or someone else's edit): follow it unless this
  // person has words on the way or not yet sent.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `items` is the reason to run
  useEffect(() => {
    if (saving.current === 0 && !typing.current) setLocal(null);
  }, [items]);

  const save = async (next: readonly string[]) => {
    const cleaned = cleanItems(next);
    setLocal(cleaned);
    typing.current = false;
    saving.current += 1;
    await act({ type: 'outcomes.edit', roomId, section, items: cleaned });
    saving.current -= 1;
  };
  const edit = (index: number, text: string) => {
    typing.current = true;
    setLocal(shown.map((item, i) => (i === index ? text : item)));
  };
  const add = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = adding.trim();
    if (!text) return;
    setAdding('');
    await save([...shown, text]);
  };

  return (
    <section className="outcome-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`section.${section}`)}</h3>
      {shown.length > 0 && (
        <ol className="outcome-items editing">
          {shown.map((item, index) => (
            // Items have no ids; position is their identity while the list is edited here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="row">
              <textarea
                className="grow"
                rows={1}
                maxLength={1000}
                aria-label={t('itemLabel', { section: t(`section.${section}`), number: index + 1 })}
                value={item}
                onChange={(event) => edit(index, event.target.value)}
                onBlur={() => {
                  if (typing.current) void save(shown);
                }}
              />
              <button
                type="button"
                className="small quiet"
                aria-label={t(`removeItem.${section}`, { number: index + 1 })}
                onClick={() => void save(shown.filter((_, i) => i !== index))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <form className="row" onSubmit={add}>
        <input
          className="grow"
          maxLength={1000}
          aria-label={t(`newItem.${section}`)}
          placeholder={t(`addItem.${section}`)}
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          onBlur={() => void add()}
        />
        <button type="submit" className="small">
          {t('add')}
        </button>
      </form>
    </section>
  );
}
