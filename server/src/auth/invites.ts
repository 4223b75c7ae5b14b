import { ROLES, type Role, type WorkshopId } from '@plenary/shared';
import type { TokenService } from './tokens.ts';

/** How long invite links handed out from the console (or with a new workshop) stay valid. */
export const INVITE_TTL_SECONDS = 60 * 60 * 24 * 30;

/** A fresh invite token for every role of a workshop. */
export async function createInvites(
  deps: { tokens: Pick<TokenService, 'issueInvite'> },
  workshop: { id: WorkshopId },
): Promise<Record<Role, string>> {
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, await deps.tokens.issueInvite(workshop.id, role, INVITE_TTL_SECONDS)] as const),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
}
