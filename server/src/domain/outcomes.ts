import type { RoomId } from '@plenary/shared';
import { isRapporteur } from './breakouts.ts';
import type { CommandOf } from './commands.ts';
import { emptyOutcomeSections, type RoomOutcomes, type WorkshopState } from './model.ts';
import { endTurn, startTurn } from './queue.ts';
import type { Registrations } from './registration.ts';
import { accept, type Context, type Result, reject } from './result.ts';
import { CHAIRS, isChairRole, SPEAKERS } from './roles.ts';

type OutcomesCommandType =
  | 'outcomes.edit'
  | 'outcomes.submit'
  | 'outcomes.accept'
  | 'reportBack.start'
  | 'reportBack.next'
  | 'reportBack.stop';

/**
 * A breakout group's findings, kept by its rapporteur (or a chair): a working copy edited section by
 * section, submitted as numbered versions that are never overwritten, one of them accepted by a
 * chair. Then report-back in plenary: each group of a set in turn, its rapporteur given the floor.
 */
export const outcomesCommands: Registrations<OutcomesCommandType> = {
  // Whether a discussant may keep a room's outcomes depends on being its rapporteur (see `keeping`).
  'outcomes.edit': { roles: SPEAKERS, decide: keeping(edit) },
  'outcomes.submit': { roles: SPEAKERS, decide: keeping(submit) },
  'outcomes.accept': { roles: CHAIRS, decide: acceptOutcomes },
  'reportBack.start': { roles: CHAIRS, decide: (state, command, ctx) => startReportBack(state, command, ctx.now) },
  'reportBack.next': { roles: CHAIRS, decide: (state, _command, ctx) => nextGroup(state, ctx.now) },
  'reportBack.stop': {
    roles: CHAIRS,
    decide: (state, _command, ctx) => {
      if (!state.reportBack) return reject('conflict', 'no report-back is running');
      return accept({ ...endTurn(state, ctx.now), reportBack: null });
    },
  },
};

/** Editing or submitting a room's outcomes: its rapporteur's or a chair's, starting from a blank copy. */
function keeping<C extends CommandOf<'outcomes.edit' | 'outcomes.submit'>>(
  handle: (state: WorkshopState, current: RoomOutcomes, command: C, ctx: Context) => Result,
): (state: WorkshopState, command: C, ctx: Context) => Result {
  return (state, command, ctx) => {
    const setId = setOfRoom(state, command.roomId);
    if (!setId) return reject('not_found', 'no such breakout room');
    if (!isChairRole(ctx.role) && !isRapporteur(state, ctx.actor, command.roomId)) {
      return reject('forbidden', "only the room's rapporteur or a facilitator keeps its outcomes");
    }
    const current = state.outcomes[command.roomId] ?? blank(command.roomId, setId, ctx.now);
    return handle(state, current, command, ctx);
  };
}

function acceptOutcomes(state: WorkshopState, command: CommandOf<'outcomes.accept'>, ctx: Context): Result {
  const current = state.outcomes[command.roomId];
  if (!current?.versions.length) return reject('conflict', 'nothing has been submitted yet');
  if (current.status !== 'submitted') return reject('conflict', 'accept the outcomes once they are submitted');
  const acceptedVersion = current.versions.at(-1)?.version ?? null;
  return saved(state, { ...current, status: 'accepted', acceptedVersion, acceptedBy: ctx.actor });
}

const setOfRoom = (state: WorkshopState, roomId: RoomId): string | undefined =>
  state.breakouts.sets.find((set) => set.rooms.some((room) => room.id === roomId))?.id;

const blank = (roomId: RoomId, setId: string, now: number): RoomOutcomes => ({
  roomId,
  setId,
  status: 'draft',
  sections: emptyOutcomeSections(),
  versions: [],
  acceptedVersion: null,
  acceptedBy: null,
  updatedAt: now,
});

const saved = (state: WorkshopState, outcomes: RoomOutcomes): Result =>
  accept({ ...state, outcomes: { ...state.outcomes, [outcomes.roomId]: outcomes } });

function edit(state: WorkshopState, current: RoomOutcomes, command: CommandOf<'outcomes.edit'>, ctx: Context): Result {
  const items = command.items.filter((item) => item.length > 0);
  // Editing what was submitted makes a draft again; the submitted versions stay as they were.
  return saved(state, {
    ...current,
    status: 'draft',
    sections: { ...current.sections, [command.section]: items },
    updatedAt: ctx.now,
  });
}

function submit(
  state: WorkshopState,
  current: RoomOutcomes,
  _command: CommandOf<'outcomes.submit'>,
  ctx: Context,
): Result {
  if (current.status !== 'draft') return reject('conflict', 'there are no changes since the last submission');
  const version = (current.versions.at(-1)?.version ?? 0) + 1;
  return saved(state, {
    ...current,
    status: 'submitted',
    versions: [
      ...current.versions,
      { version, sections: current.sections, submittedAt: ctx.now, submittedBy: ctx.actor },
    ],
    updatedAt: ctx.now,
  });
}

function startReportBack(state: WorkshopState, command: CommandOf<'reportBack.start'>, now: number): Result {
  const set = state.breakouts.sets.find((candidate) => candidate.id === command.setId);
  if (!set) return reject('not_found', 'no such breakout set');
  if (state.breakouts.open) return reject('conflict', 'close the breakout rooms first');
  const durationMs = command.durationMs === undefined ? state.settings.turnDurationMs : command.durationMs;
  const reportBack = { setId: set.id, order: set.rooms.map((room) => room.id), index: -1, durationMs, startedAt: now };
  return nextGroup({ ...state, reportBack }, now);
}

/** Moves to the next group with a rapporteur, giving them the floor; past the last, report-back ends. */
function nextGroup(state: WorkshopState, now: number): Result {
  const reportBack = state.reportBack;
  if (!reportBack) return reject('conflict', 'no report-back is running');
  const set = state.breakouts.sets.find((candidate) => candidate.id === reportBack.setId);
  for (let index = reportBack.index + 1; index < reportBack.order.length; index++) {
    const room = set?.rooms.find((candidate) => candidate.id === reportBack.order[index]);
    const rapporteurId = room?.rapporteurId;
    if (!room || !rapporteurId || !state.participants[rapporteurId]) continue;
    return accept(
      startTurn(
        { ...state, reportBack: { ...reportBack, index } },
        { id: `report-${room.id}`, participantId: rapporteurId, inRoomName: null, kind: 'new-point' },
        reportBack.durationMs,
        now,
      ),
    );
  }
  return accept({ ...endTurn(state, now), reportBack: null });
}
