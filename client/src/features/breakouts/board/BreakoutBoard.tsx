import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { BreakoutSet, Participant, ParticipantId } from '@plenary/shared';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../net/request.ts';
import type { WorkshopCommand } from '../../../session/workshopSession.ts';
import { BoardColumnView, ChipFace } from './BoardColumnView.tsx';
import { boardColumns, type ColumnId, columnFromDropTarget, columnOf, dropDecision, UNASSIGNED } from './boardModel.ts';
import { columnKeyboardCoordinates } from './keyboardColumns.ts';

export type SendCommand = (command: WorkshopCommand) => Promise<Reply<unknown>>;

interface BoardProps {
  set: BreakoutSet;
  participants: Readonly<Record<string, Participant>>;
  /** the set that is open now, if any: drops in it move people live */
  openSetId: string | null;
  send: SendCommand;
}

type Notice = { tone: 'status' | 'alert'; text: string };

// A pointer is over the column it points at; a keyboard-moved chip is over the column it sits in.
const overColumn: CollisionDetection = (args) => {
  const pointed = pointerWithin(args);
  return pointed.length > 0 ? pointed : rectIntersection(args);
};

/**
 * The groups of one set as columns, with "Not assigned" last. People are dragged between them with
 * a pointer or the keyboard; each drop sends one command, and the chip stays where the server says
 * until the server's answer moves it (a refusal leaves it where it was, with a notice saying why).
 */
export function BreakoutBoard({ set, participants, openSetId, send }: BoardProps) {
  const { t } = useTranslation('board');
  const columns = useMemo(() => boardColumns(set, participants), [set, participants]);
  const [dragged, setDragged] = useState<Participant | null>(null);
  const [pending, setPending] = useState<Readonly<Record<string, ColumnId>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const live = set.id === openSetId;

  // The keyboard getter is made once; it reads the current columns through refs.
  const latest = useRef({ columns, set });
  latest.current = { columns, set };
  const coordinateGetter = useMemo(
    () =>
      columnKeyboardCoordinates(
        () => latest.current.columns.map((column) => column.id),
        (id) => columnOf(latest.current.set, id as ParticipantId),
      ),
    [],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const columnName = (id: ColumnId | null) =>
    id === null
      ? t('nowhere')
      : id === UNASSIGNED
        ? t('unassigned')
        : (set.rooms.find((room) => room.id === id)?.name ?? t('unknownRoom'));
  const nameOf = (id: string | number) => participants[String(id)]?.name ?? t('someone');
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('announce.start', { name: nameOf(active.id), column: columnName(columnOf(set, active.id as ParticipantId)) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('announce.over', { name: nameOf(active.id), column: columnName(columnFromDropTarget(over.id)) })
        : t('announce.outside', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('announce.end', { name: nameOf(active.id), column: columnName(columnFromDropTarget(over.id)) })
        : t('announce.endOutside', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) =>
      t('announce.cancel', { name: nameOf(active.id), column: columnName(columnOf(set, active.id as ParticipantId)) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragged(participants[String(active.id)] ?? null);

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const participantId = String(active.id) as ParticipantId;
    const name = nameOf(participantId);
    const to = columnFromDropTarget(over?.id);
    const decision = dropDecision({ set, openSetId, participantId, to });
    if (decision.kind === 'stay') return;
    if (decision.kind === 'refuse') {
      setNotice({ tone: 'alert', text: t(`refused.${decision.reason}`, { name }) });
      return;
    }
    setPending((current) => ({ ...current, [participantId]: to ?? UNASSIGNED }));
    const reply = await send(decision.command);
    setPending(({ [participantId]: _done, ...rest }) => rest);
    setNotice(
      reply.ok
        ? { tone: 'status', text: t(live ? 'moved.live' : 'moved.set', { name, column: columnName(to) }) }
        : {
            tone: 'alert',
            text: t('moved.refused', {
              name,
              reason: reply.error.message,
              column: columnName(columnOf(latest.current.set, participantId)),
            }),
          },
    );
  };

  return (
    <div className="board" data-testid="assignment-board" data-live={live ? '' : undefined}>
      <div className="board-notice" role="status">
        {notice?.tone === 'status' && <p>{notice.text}</p>}
      </div>
      {notice?.tone === 'alert' && (
        <div className="board-alert" data-testid="board-alert">
          <p role="alert">{notice.text}</p>
          <button type="button" className="small quiet" onClick={() => setNotice(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={overColumn}
        onDragStart={onDragStart}
        onDragEnd={(event) => void onDragEnd(event)}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('instructions') } }}
      >
        <ol className="board-columns" aria-label={t('columnsLabel', { set: set.name })}>
          {columns.map((column, index) => (
            <BoardColumnView
              key={column.id}
              column={column}
              index={index}
              name={columnName(column.id)}
              live={live}
              pending={pending}
              pendingName={columnName}
            />
          ))}
        </ol>
        <DragOverlay dropAnimation={null}>
          {dragged ? <ChipFace participant={dragged} rapporteur={false} floating /> : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}
