import type { RoomOutcomes } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { outcomesStatus } from './outcomes.ts';

export function StatusBadge({ outcomes }: { outcomes: RoomOutcomes | undefined }) {
  const { t } = useTranslation('outcomes');
  const { tone, label, version } = outcomesStatus(outcomes);
  return <span className={`badge outcome-${tone}`}>{t(`status.${label}`, { version })}</span>;
}
