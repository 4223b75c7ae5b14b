import type { Role } from '@plenary/shared';

const LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  'co-facilitator': 'Co-facilitator',
  rapporteur: 'Rapporteur',
  delegate: 'Delegate',
  observer: 'Observer',
  'room-device': 'Meeting room',
};

/** A role as a badge reads it. */
export const roleLabel = (role: Role): string => LABELS[role];

/** "a delegate", "an observer": for sentences such as "You are invited as …". */
export function roleWithArticle(role: Role): string {
  const noun = role === 'room-device' ? 'meeting-room device' : LABELS[role].toLowerCase();
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
