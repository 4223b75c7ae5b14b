import { emptyOutcomeSections, OUTCOME_SECTIONS, type RoomId } from '@plenary/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { alreadyPut, canKeepOutcomes, itemCount, reportedVersion } from './outcomes.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { SectionsView } from './SectionsView.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { VersionHistory } from './VersionHistory.tsx';

interface Props {
  roomId: RoomId;
  roomName: string;
  /** `group`: as the group sees it (its rapporteur edits); `chair`: the facilitators' review. */
  mode: 'group' | 'chair';
}

/** A breakout group's outcomes: the four lists, their status, the submitted versions. */
export function OutcomesCard({ roomId, roomName, mode }: Props) {
  const { t } = useTranslation('outcomes');
  const workshop = useAppStore((state) => state.workshop);
  const selfId = useAppStore((state) => state.selfId);
  const [editing, setEditing] = useState(false);
  const titleId = useId();
  if (!workshop) return null;
  const outcomes = workshop.outcomes[roomId];
  const sections = outcomes?.sections ?? emptyOutcomeSections();
  const keeper = canKeepOutcomes(workshop, selfId, roomId);
  const rapporteurId = workshop.breakouts.sets
    .flatMap((set) => set.rooms)
    .find((room) => room.id === roomId)?.rapporteurId;
  const rapporteur = rapporteurId ? workshop.participants[rapporteurId]?.name : undefined;
  const reported = reportedVersion(outcomes);
  const edits = mode === 'group' ? keeper : editing;

  return (
    <section className="outcomes-card" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{t('card.title', { room: roomName })}</h2>
        <StatusBadge outcomes={outcomes} />
      </div>
      {mode === 'group' && (
        <p className="muted small-print">
          {keeper ? t('card.youKeep') : rapporteur ? t('card.theyKeep', { name: rapporteur }) : t('card.noRapporteur')}
        </p>
      )}
      {mode === 'chair' && <ChairReview roomId={roomId} editing={editing} onEdit={setEditing} />}
      {mode === 'chair' && !editing && reported && (
        <>
          <h3 className="version-title">{t('card.versionSubmitted', { version: reported.version })}</h3>
          {outcomes?.status === 'draft' && <p className="muted small-print">{t('card.newerDraft')}</p>}
          <SectionsView
            sections={reported.sections}
            proposalAction={(text) => (
              <PutToPlenary roomId={roomId} text={text} done={alreadyPut(workshop, roomId, text)} />
            )}
          />
        </>
      )}
      {edits ? (
        <>
          {OUTCOME_SECTIONS.map((section) => (
            <SectionEditor key={section} roomId={roomId} section={section} items={sections[section]} />
          ))}
          <SubmitBar roomId={roomId} canSubmit={outcomes?.status === 'draft' && itemCount(sections) > 0} />
        </>
      ) : (
        (mode === 'group' || !reported) && (
          <>
            {mode === 'chair' && <p className="muted small-print">{t('card.notSubmitted')}</p>}
            <SectionsView sections={sections} />
          </>
        )
      )}
      {outcomes && <VersionHistory outcomes={outcomes} workshop={workshop} />}
    </section>
  );
}

function ChairReview({ roomId, editing, onEdit }: { roomId: RoomId; editing: boolean; onEdit: (on: boolean) => void }) {
  const { t } = useTranslation('outcomes');
  const outcomes = useAppStore((state) => state.workshop?.outcomes[roomId]);
  const latest = outcomes?.versions.at(-1)?.version;
  return (
    <div className="button-row">
      {outcomes?.status === 'submitted' && latest !== undefined && (
        <button type="button" className="primary small" onClick={() => void act({ type: 'outcomes.accept', roomId })}>
          {t('card.accept', { version: latest })}
        </button>
      )}
      <button type="button" className="small quiet" aria-pressed={editing} onClick={() => onEdit(!editing)}>
        {editing ? t('card.doneEditing') : t('card.edit')}
      </button>
    </div>
  );
}

function SubmitBar({ roomId, canSubmit }: { roomId: RoomId; canSubmit: boolean }) {
  const { t } = useTranslation('outcomes');
  const outcomes = useAppStore((state) => state.workshop?.outcomes[roomId]);
  const latest = outcomes?.versions.at(-1)?.version;
  const said =
    canSubmit || latest === undefined
      ? canSubmit
        ? t('card.sends')
        : t('card.addFirst')
      : outcomes?.status === 'accepted'
        ? t('card.accepted', { version: outcomes.acceptedVersion ?? latest })
        : t('card.withFacilitators', { version: latest });
  return (
    <div className="submit-bar">
      <button
        type="button"
        className="primary"
        disabled={!canSubmit}
        onClick={() => void act({ type: 'outcomes.submit', roomId })}
      >
        {t('card.submit')}
      </button>
      <span role="status" className="muted small-print">
        {said}
      </span>
    </div>
  );
}

export function PutToPlenary({ roomId, text, done }: { roomId: RoomId; text: string; done: boolean }) {
  const { t } = useTranslation('outcomes');
  if (done) return <span className="badge">{t('card.putToPlenary')}</span>;
  return (
    <button
      type="button"
      className="small"
      aria-label={t('card.putToPlenaryText', { text })}
      onClick={() => void act({ type: 'proposal.put', text, fromRoomId: roomId })}
    >
      {t('card.putToPlenary')}
    </button>
  );
}
