import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { presenterOptions } from './PresenterControls.tsx';

/** Chairs: put a PDF of the library on everyone's stage, presented by themselves or by someone they pick. */
export function PresentForm() {
  const { t } = useTranslation('presentation');
  const library = useAppStore((state) => state.workshop?.library);
  const decks = (library ?? []).filter((item) => item.type === 'pdf');
  const people = presenterOptions(useAppStore((state) => state.workshop?.participants));
  const selfId = useAppStore((state) => state.selfId);
  const presenting = useAppStore((state) => Boolean(state.workshop?.presentation));
  const [deckId, setDeckId] = useState('');
  const [presenterId, setPresenterId] = useState('');
  const deckField = useId();
  const presenterField = useId();
  if (decks.length === 0) return null;
  const deck = decks.find((candidate) => candidate.id === deckId) ?? decks[0];
  const presenter = people.find((person) => person.id === presenterId);
  const start = () => {
    if (!deck) return;
    void act({
      type: 'presentation.start',
      libraryItemId: deck.id,
      ...(presenter && presenter.id !== selfId ? { presenterId: presenter.id } : {}),
    });
  };
  return (
    <form
      className="present-form"
      aria-label={t('form.label')}
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <div className="field">
        <label htmlFor={deckField}>{t('form.deck')}</label>
        <select id={deckField} value={deck?.id ?? ''} onChange={(event) => setDeckId(event.target.value)}>
          {decks.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={presenterField}>{t('form.presenter')}</label>
        <select
          id={presenterField}
          value={presenter?.id ?? ''}
          onChange={(event) => setPresenterId(event.target.value)}
        >
          <option value="">{t('form.myself')}</option>
          {people
            .filter((person) => person.id !== selfId)
            .map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="primary">
        {presenting ? t('form.presentInstead') : t('form.present')}
      </button>
    </form>
  );
}
