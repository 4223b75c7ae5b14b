import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { adjacentColumn, type ColumnId, columnFromDropTarget, dropTargetId } from './boardModel.ts';

const STEPS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Keyboard dragging jumps from column to column (arrow keys: next or previous, in the board's
 * order) rather than nudging the chip a few pixels at a time: every key press lands somewhere a
 * screen reader can name. `home` is the column the chip started in, for the first press.
 */
export function columnKeyboardCoordinates(
  order: () => readonly ColumnId[],
  home: (participantId: string) => ColumnId,
): KeyboardCoordinateGetter {
  return (event, { active, context }) => {
    const step = STEPS[event.code];
    if (step === undefined) return undefined;
    event.preventDefault();
    const current = columnFromDropTarget(context.over?.id) ?? home(String(active));
    const next = adjacentColumn(order(), current, step);
    const target = next === null ? undefined : context.droppableRects.get(dropTargetId(next));
    const chip = context.collisionRect;
    if (!target || !chip) return undefined;
    // The chip's top-left, placed so it sits inside the target column's head.
    return {
      x: target.left + target.width / 2 - chip.width / 2,
      y: target.top + Math.min(target.height / 2, chip.height * 1.5) - chip.height / 2,
    };
  };
}
