// What this device remembers between visits: the participant token of each workshop (to come back
// as the same person) and the profile last typed (to prefill the form). Invite tokens are read,
// never verified, here: the server is the one that checks them.
import { ROLES, type Role, type WorkshopId } from '@plenary/shared';
import type { KeyValueStore } from '../lib/storage.ts';

export interface InviteClaims {
  workshopId: WorkshopId;
  role: Role;
  /** epoch ms; null when the token doesn't say */
  expiresAt: number | null;
}

/** The claims of an invite token, or null when it is not one (truncated link, wrong kind). */
export function readInvite(token: string): InviteClaims | null {
  const payload = readPayload(token);
  if (payload?.kind !== 'invite') return null;
  const { workshopId, role, exp } = payload;
  if (typeof workshopId !== 'string' || workshopId === '') return null;
  const known = ROLES.find((candidate) => candidate === role);
  if (!known) return null;
  return { workshopId: workshopId as WorkshopId, role: known, expiresAt: typeof exp === 'number' ? exp * 1000 : null };
}

function readPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What the join form remembers for next time (not the email: it stays with the workshop). */
export interface RememberedProfile {
  name: string;
  organisation: string;
  country: string;
}

const PROFILE_KEY = 'plenary.profile';
const tokenKey = (workshopId: WorkshopId) => `plenary.participant.${workshopId}`;

export class Credentials {
  readonly #storage: KeyValueStore;

  constructor(storage: KeyValueStore) {
    this.#storage = storage;
  }

  participantToken(workshopId: WorkshopId): string | null {
    return this.#storage.getItem(tokenKey(workshopId));
  }

  saveParticipantToken(workshopId: WorkshopId, token: string): void {
    this.#storage.setItem(tokenKey(workshopId), token);
  }

  forgetParticipantToken(workshopId: WorkshopId): void {
    this.#storage.removeItem(tokenKey(workshopId));
  }

  profile(): RememberedProfile {
    const empty = { name: '', organisation: '', country: '' };
    try {
      const stored: unknown = JSON.parse(this.#storage.getItem(PROFILE_KEY) ?? 'null');
      if (typeof stored !== 'object' || stored === null) return empty;
      const read = (key: keyof RememberedProfile) => {
        const value = (stored as Record<string, unknown>)[key];
        return typeof value === 'string' ? value : '';
      };
      return { name: read('name'), organisation: read('organisation'), country: read('country') };
    } catch {
      return empty;
    }
  }

  rememberProfile(profile: RememberedProfile): void {
    const { name, organisation, country } = profile;
    this.#storage.setItem(PROFILE_KEY, JSON.stringify({ name, organisation, country }));
  }
}
