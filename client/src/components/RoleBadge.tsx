import type { Role } from '@plenary/shared';
import { useTranslation } from 'react-i18next';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <span className={`badge role-${role}`}>{t(`role.${role}`)}</span>;
}
