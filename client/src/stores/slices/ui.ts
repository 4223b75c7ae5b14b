import type { ParticipantId } from '@plenary/shared';
import type { Route } from '../../session/route.ts';

export const PANEL_TABS = [
  'people',
  'agenda',
  'speakers',
  'breakouts',
  'chat',
  'notes',
  'library',
  'outcomes',
  'groups',
  'decisions',
  'report',
  'invite',
  'editions',
] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface UiSlice {
  route: Route;
  /** The side panel's open tab. */
  panel: PanelTab;
  /** Whose voice the room's media server hears loudest now. */
  activeSpeakerId: ParticipantId | null;
}

export const initialUi: UiSlice = { route: { kind: 'start' }, panel: 'people', activeSpeakerId: null };
