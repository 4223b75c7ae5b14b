// @vitest-environment jsdom
import type { BreakoutSet } from '@plenary/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../../net/request.ts';
import type { WorkshopCommand } from '../../../session/workshopSession.ts';
import { pid } from '../../../testing/fakes.ts';
import { startTestI18n } from '../../../testing/i18n.ts';
import { participant, rid } from '../../../testing/workshop.ts';
import { BreakoutBoard } from './BreakoutBoard.tsx';

const set: BreakoutSet = {
  id: 's1',
  name: 'Water groups',
  rooms: [
    { id: rid('r1'), name: 'Room 1', rapporteurId: pid('ana') },
    { id: rid('r2'), name: 'Room 2', rapporteurId: null },
  ],
  mode: 'manual',
  assignments: { [pid('ana')]: rid('r1') },
  selfSelect: { allowed: false, maxPerRoom: null },
};

const people = Object.fromEntries(
  [
    participant('ana', { name: 'Ana', organisation: 'Fiji Water', role: 'rapporteur' }),
    participant('ben', { name: 'Ben', organisation: 'Samoa Health' }),
  ].map((person) => [person.id, person]),
);

// jsdom lays nothing out. dnd-kit finds where a chip is over by geometry, so give each column a
// box side by side (by its index), each chip a box in its column's head, and the floating copy of a
// dragged chip (the overlay) the box of the chip it copies.
const COLUMN = { width: 200, height: 400, gap: 20 };
const realRect = Element.prototype.getBoundingClientRect;
function layout(element: Element): { left: number; top: number; width: number; height: number } | null {
  const floating = element.querySelector('[data-floating]') ?? element.closest('[data-floating]');
  const source = floating ? document.querySelector('[data-dragging]') : element;
  const column = source?.closest<HTMLElement>('[data-column-index]');
  if (!source || !column) return null;
  const left = Number(column.dataset.columnIndex) * (COLUMN.width + COLUMN.gap);
  return source === column
    ? { left, top: 0, width: COLUMN.width, height: COLUMN.height }
    : { left: left + 10, top: 40, width: 180, height: 40 };
}
beforeAll(async () => {
  await startTestI18n(['board']);
  Element.prototype.getBoundingClientRect = function rect(this: Element) {
    const box = layout(this);
    if (!box) return realRect.call(this);
    return {
      ...box,
      x: box.left,
      y: box.top,
      right: box.left + box.width,
      bottom: box.top + box.height,
      toJSON: () => box,
    };
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = realRect;
});
afterEach(cleanup);

type Sent = (command: WorkshopCommand) => Promise<Reply<unknown>>;
const accepted: Sent = async () => ({ ok: true, data: { revision: 11 } });

function renderBoard(send: Sent, { openSetId = null as string | null, current = set } = {}) {
  const sender = vi.fn(send);
  const view = render(<BreakoutBoard set={current} participants={people} openSetId={openSetId} send={sender} />);
  const rerender = (next: BreakoutSet) =>
    view.rerender(<BreakoutBoard set={next} participants={people} openSetId={openSetId} send={sender} />);
  return { sender, rerender };
}

const chipOf = (name: string) =>
  screen.getAllByTestId('board-chip').find((chip) => chip.textContent?.includes(name)) as HTMLElement;
const columnOfChip = (name: string) => chipOf(name).closest('[data-column-id]')?.getAttribute('data-column-id');
/** The sensor listens on the document from the next tick after a pick-up. */
const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

/** Picks `name` up with the keyboard, presses the arrow keys, and drops with Space. */
async function keyboardDrag(name: string, keys: string[], end = 'Space') {
  const chip = chipOf(name);
  chip.focus();
  fireEvent.keyDown(chip, { code: 'Space', key: ' ' });
  await tick();
  for (const code of keys) {
    fireEvent.keyDown(document, { code, key: code });
    await tick();
  }
  fireEvent.keyDown(document, { code: end, key: end });
  await tick();
}

describe('the assignment board', () => {
  it('shows each room and who is not assigned, with organisation and role on every chip', () => {
    renderBoard(accepted);
    const columns = screen.getAllByTestId('board-column');
    expect(columns.map((column) => within(column).getByRole('heading').textContent)).toEqual([
      'Room 1',
      'Room 2',
      'Not assigned',
    ]);
    expect(chipOf('Ana').textContent).toContain('Fiji Water');
    expect(chipOf('Ana').textContent).toContain('Room rapporteur');
    expect(chipOf('Ben').textContent).toContain('Delegate');
    expect(within(columns[1] as HTMLElement).getByText('Nobody yet: drop people here.')).toBeTruthy();
  });

  it('moves a chip with the keyboard, sends one assign command, and shows the server state only', async () => {
    const { sender, rerender } = renderBoard(accepted);
    await keyboardDrag('Ben', ['ArrowLeft']);

    expect(sender).toHaveBeenCalledTimes(1);
    expect(sender).toHaveBeenCalledWith({ type: 'breakouts.assign', setId: 's1', participantId: 'ben', roomId: 'r2' });
    // Announced for screen readers while it happened, and confirmed once the server agreed…
    expect(document.body.textContent).toContain('Ben was dropped on Room 2.');
    expect(await screen.findByText('Ben is now in Room 2.')).toBeTruthy();
    // …but the chip moves only when the server's state does.
    expect(columnOfChip('Ben')).toBe('unassigned');
    rerender({ ...set, assignments: { ...set.assignments, [pid('ben')]: rid('r2') } });
    expect(columnOfChip('Ben')).toBe('r2');
  });

  it('walks the columns in order and stops at the ends', async () => {
    const { sender } = renderBoard(accepted);
    await keyboardDrag('Ana', ['ArrowLeft', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']);
    expect(sender).toHaveBeenCalledWith({ type: 'breakouts.assign', setId: 's1', participantId: 'ana', roomId: null });
  });

  it('sends nothing when the drag is cancelled or ends where it began', async () => {
    const { sender } = renderBoard(accepted);
    await keyboardDrag('Ana', ['ArrowRight'], 'Escape');
    expect(document.body.textContent).toContain('Moving Ana was cancelled; they stay in Room 1.');
    await keyboardDrag('Ana', []);
    expect(sender).not.toHaveBeenCalled();
  });

  it('leaves the chip where it was and says why when the server refuses', async () => {
    const { sender } = renderBoard(async () => ({
      ok: false,
      error: { code: 'conflict', message: 'this room is full' },
    }));
    await keyboardDrag('Ana', ['ArrowRight']);
    expect(sender).toHaveBeenCalledTimes(1);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Ana could not be moved (this room is full) and stays in Room 1.');
    expect(columnOfChip('Ana')).toBe('r1');
  });

  it('moves people live while the set is open, and never leaves someone without a room', async () => {
    const { sender } = renderBoard(accepted, { openSetId: 's1' });
    expect(screen.getByText('The rooms are open: drop people on another room to move them.')).toBeTruthy();

    await keyboardDrag('Ana', ['ArrowRight']);
    expect(sender).toHaveBeenLastCalledWith({ type: 'breakouts.move', participantId: 'ana', roomId: 'r2' });

    sender.mockClear();
    await keyboardDrag('Ana', ['ArrowRight', 'ArrowRight']);
    expect(sender).not.toHaveBeenCalled();
    expect((await screen.findByRole('alert')).textContent).toContain('while the rooms are open everyone needs one');
  });

  it('marks a chip as moving until the server answers, and does not let it be dragged again meanwhile', async () => {
    let answer: (reply: Reply<unknown>) => void = () => undefined;
    renderBoard(() => new Promise((resolve) => (answer = resolve)));
    await keyboardDrag('Ben', ['ArrowLeft']);
    expect(chipOf('Ben').getAttribute('aria-busy')).toBe('true');
    expect(chipOf('Ben').textContent).toContain('Moving to Room 2…');
    expect(chipOf('Ben').getAttribute('aria-disabled')).toBe('true');
    await act(async () => answer({ ok: true, data: {} }));
    expect(chipOf('Ben').getAttribute('aria-busy')).toBeNull();
  });
});
