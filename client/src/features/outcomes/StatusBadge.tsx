import type { RoomOutcomes } from '@plenary/shared';
import { outcomesStatus } from './outcomes.ts';

export function StatusBadge({ outcomes }: { outcomes: RoomOutcomes | undefined }) {
  const { tone, text } = outcomesStatus(outcomes);
  return <span className={`badge outcome-${tone}`}>{text}</span>;
}
