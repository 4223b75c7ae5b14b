import { agendaCommands } from './agenda.ts';
import { breakoutSessionCommands } from './breakoutSession.ts';
import { breakoutSetCommands } from './breakouts.ts';
import { chatCommands } from './chat.ts';
import { libraryCommands } from './library.ts';
import { lobbyCommands } from './lobby.ts';
import type { WorkshopCommandType } from './model.ts';
import { outcomesCommands } from './outcomes.ts';
import { pollCommands } from './polls.ts';
import { proposalCommands } from './proposals.ts';
import { queueCommands } from './queue.ts';
import type { Registration, Registrations } from './registration.ts';
import type { ActorRole } from './roles.ts';
import { rosterCommands } from './roster.ts';
import { settingsCommands } from './settings.ts';

/** Every command's registration: a command type missing here fails to compile. */
export const COMMANDS: Registrations<WorkshopCommandType> = {
  ...settingsCommands,
  ...rosterCommands,
  ...lobbyCommands,
  ...agendaCommands,
  ...queueCommands,
  ...breakoutSetCommands,
  ...breakoutSessionCommands,
  ...chatCommands,
  ...pollCommands,
  ...proposalCommands,
  ...outcomesCommands,
  ...libraryCommands,
};

/** The registration of one command type, typed for it. */
export const registrationOf = <T extends WorkshopCommandType>(type: T): Registration<T> => COMMANDS[type];

const commandTypes = Object.keys(COMMANDS) as WorkshopCommandType[];

/** Which roles may issue each command type, read off the registrations. */
export const PERMISSIONS: Readonly<Record<WorkshopCommandType, readonly ActorRole[]>> = Object.fromEntries(
  commandTypes.map((type) => [type, COMMANDS[type].roles]),
) as Record<WorkshopCommandType, readonly ActorRole[]>;

export const isAllowed = (role: ActorRole, type: WorkshopCommandType): boolean => PERMISSIONS[type].includes(role);

/** What someone still waiting in the lobby may do (besides wait). */
export const LOBBY_COMMANDS: ReadonlySet<WorkshopCommandType> = new Set(
  commandTypes.filter((type) => COMMANDS[type].inLobby === true),
);
