import type { Role } from '@plenary/shared';
import { roleLabel } from '../lib/roles.ts';

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge role-${role}`}>{roleLabel(role)}</span>;
}
