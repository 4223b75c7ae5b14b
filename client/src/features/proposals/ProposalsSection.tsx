import { isDiscussant, PROPOSAL_RESPONSES, type Proposal, type RoomId } from '@plenary/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListFormat } from '../../i18n/useLocale.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectSelf } from '../../stores/selectors.ts';
import { liveTally, myResponse, orderedProposals, roomName, summariseResult } from './proposals.ts';

/** Consensus checks: chairs put a proposal, participants agree, object or abstain, chairs close. */
export function ProposalsSection() {
  const { t } = useTranslation('proposals');
  const proposals = useAppStore((state) => state.workshop?.proposals);
  const chair = useAppStore(selectIsChair);
  if (!proposals) return null;
  const list = orderedProposals(proposals);
  return (
    <section className="panel-section" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('title')}</h2>
      {chair && <PutProposal />}
      {list.length === 0 ? (
        <p className="muted">{chair ? t('noneChair') : t('none')}</p>
      ) : (
        <ol className="plain-list decision-list">
          {list.map((proposal) => (
            <ProposalItem key={proposal.id} proposal={proposal} chair={chair} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ProposalItem({ proposal, chair }: { proposal: Proposal; chair: boolean }) {
  const { t } = useTranslation('proposals');
  const workshop = useAppStore((state) => state.workshop);
  const self = useAppStore(selectSelf);
  if (!workshop) return null;
  const from = roomName(workshop, proposal.fromRoomId);
  const mine = myResponse(proposal, self?.id ?? null);
  const canAnswer = self !== undefined && isDiscussant(self.role);
  return (
    <li className="decision" data-status={proposal.status}>
      <p className="decision-text">{proposal.text}</p>
      <p className="muted small-print">
        {from ? t('from', { room: from }) : t('fromTheFloor')} · {t(`status.${proposal.status}`)}
      </p>
      {proposal.status === 'open' ? (
        <>
          {canAnswer &&
            (mine ? (
              <p role="status">{t('answered', { answer: t(`response.${mine}`) })}</p>
            ) : (
              <fieldset className="button-row answer-choice">
                <legend className="visually-hidden">{t('answerTo', { text: proposal.text })}</legend>
                {PROPOSAL_RESPONSES.map((response) => (
                  <button
                    key={response}
                    type="button"
                    className={response === 'object' ? 'small attention' : 'small'}
                    onClick={() => void act({ type: 'proposal.respond', proposalId: proposal.id, response })}
                  >
                    {t(`response.${response}`)}
                  </button>
                ))}
              </fieldset>
            ))}
          {chair && (
            <div className="row">
              <span className="grow muted small-print">{t('soFar', { tally: t('tally', liveTally(proposal)) })}</span>
              <button
                type="button"
                className="small primary"
                onClick={() => void act({ type: 'proposal.close', proposalId: proposal.id })}
              >
                {t('close')}
              </button>
            </div>
          )}
        </>
      ) : (
        proposal.result && <Result proposal={proposal} />
      )}
    </li>
  );
}

function Result({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation('proposals');
  const list = useListFormat();
  const participants = useAppStore((state) => state.workshop?.participants);
  if (!proposal.result || !participants) return null;
  const summary = summariseResult(proposal.result, participants);
  return (
    <div className="decision-result" data-consensus={summary.consensus ? '' : undefined}>
      <p>
        <strong>{summary.consensus ? t('consensus') : t('noConsensus')}</strong> · {t('tally', summary.tally)}
      </p>
      {summary.objectors.length > 0 && (
        <p className="small-print">
          {t('objected', { names: list(summary.objectors.map((name) => name ?? t('someone'))) })}
        </p>
      )}
    </div>
  );
}

function PutProposal() {
  const { t } = useTranslation('proposals');
  const sets = useAppStore((state) => state.workshop?.breakouts.sets);
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const rooms = (sets ?? []).flatMap((set) => set.rooms.map((room) => ({ room, set })));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = text.trim();
    if (!sent) return;
    const fromRoomId = from ? (from as RoomId) : undefined;
    if (await act({ type: 'proposal.put', text: sent, ...(fromRoomId ? { fromRoomId } : {}) })) {
      setText((current) => (current.trim() === sent ? '' : current));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="wide">
        {t('put.proposal')}
        <textarea rows={2} maxLength={2000} required value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      {rooms.length > 0 && (
        <label>
          {t('put.fromGroup')}
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">{t('fromTheFloor')}</option>
            {rooms.map(({ room, set }) => (
              <option key={room.id} value={room.id}>
                {sets && sets.length > 1 ? t('put.roomOfSet', { room: room.name, set: set.name }) : room.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="primary">
        {t('put.submit')}
      </button>
    </form>
  );
}
