import type { CommandOf } from './commands.ts';
import { admitWaiting } from './lobby.ts';
import type { WorkshopSettings, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, type Result } from './result.ts';
import { CHAIRS } from './roles.ts';

export const settingsCommands: Registrations<'workshop.updateSettings'> = {
  'workshop.updateSettings': { roles: CHAIRS, decide: updateSettings },
};

/** Turning the lobby off lets everyone waiting in. */
function updateSettings(state: WorkshopState, command: CommandOf<'workshop.updateSettings'>): Result {
  const current = state.settings;
  const settings: WorkshopSettings = {
    lobbyEnabled: command.lobbyEnabled ?? current.lobbyEnabled,
    prioritiseNewSpeakers: command.prioritiseNewSpeakers ?? current.prioritiseNewSpeakers,
    turnDurationMs: command.turnDurationMs === undefined ? current.turnDurationMs : command.turnDurationMs,
    turnWarningMs: command.turnWarningMs ?? current.turnWarningMs,
    recallGraceMs: command.recallGraceMs ?? current.recallGraceMs,
  };
  const next: WorkshopState = { ...state, title: command.title ?? state.title, settings };
  return accept(settings.lobbyEnabled ? next : admitWaiting(next));
}
