import { isDiscussant, type Poll } from '@plenary/shared';
import { type CSSProperties, type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY } from '../../lib/empty.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectSelf } from '../../stores/selectors.ts';
import { liveCounts, myVote, parseOptions, share, visiblePolls } from './polls.ts';

/** Polls: chairs prepare, open and close them; participants vote (and may change their vote while open). */
export function PollsSection() {
  const { t } = useTranslation('polls');
  const polls = useAppStore((state) => state.workshop?.polls ?? EMPTY);
  const chair = useAppStore(selectIsChair);
  const list = visiblePolls(polls, chair);
  return (
    <section className="panel-section" aria-labelledby="polls-title">
      <h2 id="polls-title">{t('title')}</h2>
      {chair && <CreatePoll />}
      {list.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ol className="plain-list decision-list">
          {list.map((poll) => (
            <PollItem key={poll.id} poll={poll} chair={chair} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PollItem({ poll, chair }: { poll: Poll; chair: boolean }) {
  const { t } = useTranslation('polls');
  const self = useAppStore(selectSelf);
  const groupName = useId();
  const mine = myVote(poll, self?.id ?? null);
  // The choice shows at once; the server's copy of the vote replaces it when it arrives (or the
  // refusal puts the radio back).
  const [choosing, setChoosing] = useState<string | null>(null);
  const shown = choosing ?? mine;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's vote arriving is the reason
  useEffect(() => setChoosing(null), [mine]);
  const vote = async (optionId: string) => {
    setChoosing(optionId);
    if (!(await act({ type: 'poll.vote', pollId: poll.id, optionId }))) setChoosing(null);
  };
  const canVote = poll.status === 'open' && self !== undefined && isDiscussant(self.role);
  return (
    <li className="decision" data-status={poll.status}>
      <p className="decision-text">{poll.question}</p>
      <p className="muted small-print">{t(`status.${poll.status}`)}</p>
      {canVote && (
        <fieldset className="poll-options">
          <legend className="visually-hidden">{t('yourVote')}</legend>
          {poll.options.map((option) => (
            <label key={option.id}>
              <input
                type="radio"
                name={groupName}
                checked={shown === option.id}
                onChange={() => void vote(option.id)}
              />
              {option.label}
            </label>
          ))}
          <p className="muted small-print">{mine ? t('counted') : t('chooseOne')}</p>
        </fieldset>
      )}
      {poll.status === 'open' && chair && <Counts poll={poll} live />}
      {poll.status === 'closed' && <Counts poll={poll} />}
      {chair && poll.status !== 'closed' && (
        <div className="button-row">
          {poll.status === 'draft' ? (
            <button
              type="button"
              className="small primary"
              onClick={() => void act({ type: 'poll.open', pollId: poll.id })}
            >
              {t('open')}
            </button>
          ) : (
            <button
              type="button"
              className="small primary"
              onClick={() => void act({ type: 'poll.close', pollId: poll.id })}
            >
              {t('close')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Live ballots (chairs, while open) or the results (everyone, once closed). */
function Counts({ poll, live = false }: { poll: Poll; live?: boolean }) {
  const { t } = useTranslation('polls');
  const rows = live
    ? liveCounts(poll).map((count) => ({ id: count.optionId, label: count.label, value: count.votes }))
    : (poll.results ?? []).map((result) => ({ id: result.optionId, label: result.label, value: result.people }));
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return (
    <section className="poll-results" aria-label={live ? t('votesSoFarLabel') : t('resultsLabel')}>
      <p className="muted small-print">{live ? t('votesSoFar', { count: total }) : t('results', { count: total })}</p>
      <ul className="plain-list">
        {rows.map((row) => (
          <li key={row.id} className="poll-bar" style={{ '--share': `${share(row.value, total)}%` } as CSSProperties}>
            <span className="grow">{row.label}</span>
            <span className="mono">
              {row.value} ({share(row.value, total)}%)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CreatePoll() {
  const { t } = useTranslation('polls');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const parsed = parseOptions(options);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act({ type: 'poll.create', question: question.trim(), options: parsed })) {
      setQuestion('');
      setOptions('');
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="wide">
        {t('create.question')}
        <input required maxLength={300} value={question} onChange={(event) => setQuestion(event.target.value)} />
      </label>
      <label className="wide">
        {t('create.options')}
        <textarea rows={3} required value={options} onChange={(event) => setOptions(event.target.value)} />
      </label>
      <button type="submit" disabled={parsed.length < 2 || parsed.length > 12 || !question.trim()}>
        {t('create.prepare')}
      </button>
      <span className="muted small-print">{t('create.then')}</span>
    </form>
  );
}
