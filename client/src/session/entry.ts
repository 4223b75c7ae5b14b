import type { WorkshopId } from '@plenary/shared';
import { withNotice } from '../stores/slices/notices.ts';
import type { AppStore } from '../stores/state.ts';
import { type Credentials, readInvite } from './credentials.ts';
import type { Route } from './route.ts';
import type { Credential, JoinOutcome, WorkshopSession } from './workshopSession.ts';

export type Profile = Extract<Credential, { kind: 'invite' }>['profile'];

export interface EntryDeps {
  store: AppStore;
  credentials: Credentials;
  /** A fresh session (with its own socket) for each attempt. */
  openSession: () => WorkshopSession;
  /** Puts a route in the address bar without adding a history entry. */
  replaceRoute: (route: Route) => void;
}

/**
 * How a page gets into a workshop: with the token this device kept from an earlier visit when
 * there is one (a reload, a second visit to the invite link), else with the invite and a profile.
 * Holds the one current session.
 */
export class Entry {
  readonly #deps: EntryDeps;
  #current: WorkshopSession | null = null;

  constructor(deps: EntryDeps) {
    this.#deps = deps;
  }

  /** The session in progress, if any. */
  get session(): WorkshopSession | null {
    return this.#current && !this.#current.ended ? this.#current : null;
  }

  /** On load and on back/forward: resume where this device has a token for the workshop. */
  async enterRoute(route: Route): Promise<void> {
    if (this.session) return;
    const workshopId =
      route.kind === 'workshop'
        ? route.workshopId
        : route.kind === 'invite'
          ? readInvite(route.token)?.workshopId
          : null;
    if (workshopId && this.#deps.credentials.participantToken(workshopId)) await this.resume(workshopId);
  }

  hasToken(workshopId: WorkshopId): boolean {
    return this.#deps.credentials.participantToken(workshopId) !== null;
  }

  /** Comes back as the participant this device joined as before. */
  async resume(workshopId: WorkshopId): Promise<JoinOutcome> {
    const token = this.#deps.credentials.participantToken(workshopId);
    if (!token) return { ok: false, code: 'not_found', message: 'This device has not joined this workshop before.' };
    const outcome = await this.#join({ kind: 'participant', token }, workshopId);
    if (!outcome.ok && (outcome.code === 'forbidden' || outcome.code === 'not_found')) {
      // The session dropped the refused token; the form (or the need for an invitation) comes next.
      this.#deps.store.setState((state) => ({
        notices: withNotice(state.notices, {
          topic: 'join',
          tone: 'status',
          message: { key: 'join.resumeFailed', error: { code: outcome.code, message: outcome.message } },
        }),
      }));
    }
    return outcome;
  }

  /** A first visit: the invite decides the role, the profile says who this is. */
  async joinWithInvite(token: string, profile: Profile): Promise<JoinOutcome> {
    const claims = readInvite(token);
    if (!claims) return { ok: false, code: 'invalid_payload', message: 'This invitation link is incomplete.' };
    this.#deps.credentials.rememberProfile(profile);
    return this.#join({ kind: 'invite', token, profile }, claims.workshopId);
  }

  async leave(): Promise<void> {
    await this.session?.leave();
  }

  async #join(credential: Credential, workshopId: WorkshopId): Promise<JoinOutcome> {
    if (this.session) return { ok: false, code: 'already_joined', message: 'You are already in a workshop.' };
    const session = this.#deps.openSession();
    this.#current = session;
    const outcome = await session.join(credential, workshopId);
    // The invite token leaves the address bar; a reload resumes with the stored participant token.
    if (outcome.ok) this.#deps.replaceRoute({ kind: 'workshop', workshopId });
    return outcome;
  }
}
