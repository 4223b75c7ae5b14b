export const AGENDA_ITEM_KINDS = ['plenary', 'breakout', 'report-back', 'break'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export interface Day {
  id: string;
  /** `YYYY-MM-DD` in the workshop's time zone. */
  date: string;
  title: string;
}

export interface AgendaItem {
  id: string;
  dayId: string;
  title: string;
  /** Planned local start `HH:MM` in the workshop's time zone. Items of a day are ordered by the list. */
  start: string;
  durationMinutes: number;
  presenter: string | null;
  kind: AgendaItemKind;
  /** For a breakout item: the set that opens when the item starts. */
  breakoutSetId: string | null;
}

export interface CurrentItem {
  itemId: string;
  /** epoch ms */
  startedAt: number;
}
