import type { CreatingCommandType } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { WorkshopCommandType, WorkshopState } from './model.ts';
import type { Context, Creation, Result } from './result.ts';
import type { ActorRole } from './roles.ts';

/** A command that creates something must say what it created when accepted. */
export type Outcome<T extends WorkshopCommandType> = T extends CreatingCommandType ? Creation : Result;

/**
 * Everything the domain knows about one command, in one place: who may issue it and what it does.
 * Checks that depend on the object (a delegate lowers only their own hand) sit in `decide`.
 * The payload's schema lives in `shared/` because clients build commands with it.
 */
export interface Registration<T extends WorkshopCommandType> {
  roles: readonly ActorRole[];
  /** someone still waiting in the lobby may issue it too */
  inLobby?: true;
  decide: (state: WorkshopState, command: CommandOf<T>, ctx: Context) => Outcome<T>;
}

/** A feature's commands; the workshop's table is typed over every command type, so none is missed. */
export type Registrations<T extends WorkshopCommandType> = { readonly [K in T]: Registration<K> };
