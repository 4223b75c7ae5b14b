// Helpers for the domain's tests only: building workshops and running commands against them.
import type { ParticipantId, RoomId, WorkshopId } from '@plenary/shared';
import { SYSTEM_ACTOR, type WorkshopCommand } from './commands.ts';
import type { Role, WorkshopSettings, WorkshopState } from './model.ts';
import type { Result } from './result.ts';
import { createWorkshop, decide } from './workshop.ts';

/** Monday 10 March 2025, 09:00 in Paris. */
export const T0 = Date.UTC(2025, 2, 10, 8, 0);
export const MINUTE = 60_000;

export const pid = (id: string): ParticipantId => id as ParticipantId;
export const rid = (id: string): RoomId => id as RoomId;
export const SYSTEM = SYSTEM_ACTOR;

/** Freezes deeply, so a test fails loudly if the domain ever mutates a state it was given. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface PersonSpec {
  id: string;
  role?: Role;
  organisation?: string;
  country?: string;
  name?: string;
  email?: string;
  connected?: boolean;
}

export function emptyWorkshop(settings: Partial<WorkshopSettings> = {}): WorkshopState {
  return deepFreeze(
    createWorkshop({
      id: 'w1' as WorkshopId,
      title: 'Regional water management',
      timeZone: 'Europe/Paris',
      settings: { lobbyEnabled: false, ...settings },
    }),
  );
}

/** Runs a command that must be accepted; returns the new (frozen) state and what it created, if anything. */
export function exec(state: WorkshopState, command: WorkshopCommand, now = T0): Extract<Result, { ok: true }> {
  const result = decide(deepFreeze(state), command, now);
  if (!result.ok) throw new Error(`${command.type} was rejected: ${result.error.code} ${result.error.message}`);
  return { ...result, state: deepFreeze(result.state) };
}

export const run = (state: WorkshopState, command: WorkshopCommand, now = T0): WorkshopState =>
  exec(state, command, now).state;

/** Runs a command that must be rejected; checks the input state came through untouched. */
export function rejected(state: WorkshopState, command: WorkshopCommand, now = T0): Extract<Result, { ok: false }> {
  const frozen = deepFreeze(state);
  const before = JSON.stringify(frozen);
  const result = decide(frozen, command, now);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  if (JSON.stringify(frozen) !== before) throw new Error('a rejected command changed the state');
  return result;
}

export function register(state: WorkshopState, spec: PersonSpec, now = T0): WorkshopState {
  let next = run(
    state,
    {
      type: 'participant.register',
      actor: SYSTEM,
      participantId: pid(spec.id),
      name: spec.name ?? spec.id,
      organisation: spec.organisation ?? 'Org',
      country: spec.country ?? 'FR',
      role: spec.role ?? 'delegate',
      language: 'en',
      timeZone: 'Europe/Paris',
      email: spec.email ?? null,
    },
    now,
  );
  if (spec.connected ?? true) {
    next = run(next, { type: 'participant.connected', actor: SYSTEM, participantId: pid(spec.id) }, now);
  }
  return next;
}

/** A workshop with a facilitator `fac` and the given people, all registered and connected. */
export function workshopWith(people: PersonSpec[], settings: Partial<WorkshopSettings> = {}): WorkshopState {
  let state = register(emptyWorkshop(settings), { id: 'fac', role: 'facilitator', organisation: 'Secretariat' });
  for (const person of people) state = register(state, person);
  return state;
}

export const fac = pid('fac');

/** A day on the agenda (10 March 2025) with plenary items of the given titles; their ids in order. */
export function withAgendaItems(
  state: WorkshopState,
  titles: string[],
  durationMinutes = 60,
): { state: WorkshopState; dayId: string; itemIds: string[] } {
  let next = run(state, { type: 'agenda.addDay', actor: fac, date: '2025-03-10', title: 'Day 1' });
  const dayId = next.days.at(-1)?.id ?? '';
  for (const title of titles) {
    next = run(next, {
      type: 'agenda.addItem',
      actor: fac,
      dayId,
      title,
      start: '09:00',
      durationMinutes,
      kind: 'plenary',
    });
  }
  return { state: next, dayId, itemIds: next.agenda.filter((item) => item.dayId === dayId).map((item) => item.id) };
}
