import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Participant } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import {
  type BoardChip,
  type BoardColumn,
  type ColumnId,
  dropTargetId,
  organisationCount,
  UNASSIGNED,
} from './boardModel.ts';

interface ColumnProps {
  column: BoardColumn;
  index: number;
  name: string;
  /** the set is open: people are moved live, and nobody can be left without a room */
  live: boolean;
  /** people whose move is on its way to the server, and where to */
  pending: Readonly<Record<string, ColumnId>>;
  pendingName: (column: ColumnId) => string;
}

/** One room (or "Not assigned"): a drop target holding its people's chips. */
export function BoardColumnView({ column, index, name, live, pending, pendingName }: ColumnProps) {
  const { t } = useTranslation('board');
  const { setNodeRef, isOver } = useDroppable({ id: dropTargetId(column.id) });
  const unassigned = column.id === UNASSIGNED;
  const headingId = `board-column-${column.id}`;
  return (
    <li
      ref={setNodeRef}
      className="board-column"
      data-testid="board-column"
      data-column-id={column.id}
      data-column-index={index}
      data-over={isOver ? '' : undefined}
      data-unassigned={unassigned ? '' : undefined}
      aria-labelledby={headingId}
    >
      <header className="board-column-head">
        <h3 id={headingId}>{name}</h3>
        <p className="muted small-print">
          {t('count', { count: column.chips.length })}
          {!unassigned && column.chips.length > 0 && <> · {t('organisations', { count: organisationCount(column) })}</>}
        </p>
        {unassigned && live && <p className="muted small-print">{t('liveUnassignedHint')}</p>}
      </header>
      {column.chips.length === 0 ? (
        <p className="board-empty muted small-print">{t(unassigned ? 'everyoneHasARoom' : 'dropHere')}</p>
      ) : (
        <ul className="board-chips">
          {column.chips.map((chip) => (
            <DraggableChip
              key={chip.participant.id}
              chip={chip}
              live={live}
              movingTo={
                pending[chip.participant.id] === undefined
                  ? null
                  : pendingName(pending[chip.participant.id] as ColumnId)
              }
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function DraggableChip({ chip, live, movingTo }: { chip: BoardChip; live: boolean; movingTo: string | null }) {
  const { t } = useTranslation('board');
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: chip.participant.id,
    disabled: movingTo !== null,
    attributes: { roleDescription: t('chipRole') },
  });
  return (
    <li className="board-chip-slot">
      <div
        ref={setNodeRef}
        className="board-chip"
        data-testid="board-chip"
        data-participant-id={chip.participant.id}
        data-dragging={isDragging ? '' : undefined}
        aria-busy={movingTo !== null ? true : undefined}
        {...attributes}
        {...listeners}
      >
        <ChipFace
          participant={chip.participant}
          rapporteur={chip.rapporteur}
          away={live && !chip.participant.connected}
        />
        {movingTo !== null && (
          <span className="board-chip-moving small-print">{t('movingTo', { column: movingTo })}</span>
        )}
      </div>
    </li>
  );
}

/** What a chip shows: name, organisation, role, and whether the person keeps the room's outcomes. */
export function ChipFace({
  participant,
  rapporteur,
  away = false,
  floating = false,
}: {
  participant: Participant;
  rapporteur: boolean;
  away?: boolean;
  floating?: boolean;
}) {
  const { t } = useTranslation('board');
  return (
    <span className="board-chip-face" data-floating={floating ? '' : undefined} data-away={away ? '' : undefined}>
      <span className="board-chip-name">{participant.name}</span>
      <span className="board-chip-meta">
        <span className="muted">{participant.organisation}</span>
        <span className={`badge role-${participant.role}`}>{t(`role.${participant.role}`)}</span>
        {rapporteur && <span className="badge role-rapporteur">{t('roomRapporteur')}</span>}
        {away && <span className="badge">{t('away')}</span>}
      </span>
    </span>
  );
}
